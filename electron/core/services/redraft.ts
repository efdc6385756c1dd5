import { AppError, isAppError } from '../../contract/errors';
import { draftNote } from '../drafting/draftNote';
import type { Draft, DraftEngine, NoteFormat } from '../drafting/types';
import type { LlmEngine } from '../llm/LlmEngine';
import type { MainJobEngines } from '../pipeline/mainJob';
import { requireAppointment } from './billing';
import { loadAssessments, loadRiskFlags } from './sessionRecords';
import type { StoreHandle } from './storeHandle';

/** What the clinician asks for: a whole note in a template, or one section again. */
export interface RedraftRequest {
  format: NoteFormat;
  engine: DraftEngine;
  /** Only this section of the current draft is replaced; the rest is kept. */
  sectionId?: string;
}

/**
 * Drafts a session's note again from its stored transcript, assessments and
 * risk flags. Without `sectionId` the result is a whole draft in `format`
 * (switching the template); with it, only that section of `current` is
 * replaced, so the clinician's edits elsewhere survive. The same guards as
 * the main job apply (risk flags always reach the risk section).
 *
 * A section is redrafted by drafting the whole note and keeping that
 * section: simple, and exact for the rules engine.
 * TODO(#10): with the LLM engine that costs a whole draft per section; a
 * section-only compose in drafting/ would save the other sections' calls.
 */
export async function redraft(
  store: StoreHandle,
  engines: MainJobEngines,
  sessionId: string,
  current: Draft,
  request: RedraftRequest,
): Promise<Draft> {
  if (request.sectionId && request.format !== current.format)
    throw new AppError(
      'invalid_request',
      'Switch the template for the whole note before redrafting a section.',
    );
  const fresh = await draftFromStore(store, engines, sessionId, request);
  const sectionId = request.sectionId;
  if (!sectionId) return fresh;

  const replacement = fresh.sections.find((s) => s.id === sectionId);
  if (!current.sections.some((s) => s.id === sectionId) || !replacement)
    throw new AppError('not_found', 'The note has no such section.');
  return {
    ...current,
    sections: current.sections.map((s) =>
      s.id === sectionId ? replacement : s,
    ),
    // What happened to the new section speaks for the note: a cut-short
    // model answer still blocks signing, a fallback is still shown.
    ...(fresh.incomplete ? { incomplete: true } : {}),
    ...(fresh.fallbackReason ? { fallbackReason: fresh.fallbackReason } : {}),
    ...(fresh.engine === 'llm' && fresh.model
      ? { engine: 'llm' as const, model: fresh.model }
      : {}),
  };
}

async function draftFromStore(
  store: StoreHandle,
  engines: MainJobEngines,
  sessionId: string,
  request: RedraftRequest,
): Promise<Draft> {
  const segments = store.repos.transcripts.segments(sessionId);
  if (segments.length === 0)
    throw new AppError('not_found', 'This session has no transcript yet.');
  const recording = store.repos.recordings.forSession(sessionId)[0];
  const llm = await openLlm(engines, request.engine);
  return draftNote({
    transcript: {
      durationSec: recording?.durationSec ?? segments.at(-1)?.end ?? 0,
      language: 'en',
      segments,
      failedRegions: [],
      silentChannels: [],
    },
    appointment: requireAppointment(store, sessionId),
    format: request.format,
    engine: request.engine,
    assessments: loadAssessments(store, sessionId),
    riskFlags: loadRiskFlags(store, sessionId),
    ...(llm ? { llm } : {}),
  });
}

/** No model is not fatal: draftNote falls back to the rules and says so. */
async function openLlm(
  engines: MainJobEngines,
  engine: DraftEngine,
): Promise<LlmEngine | undefined> {
  if (engine !== 'llm' || !engines.llm) return undefined;
  try {
    return await engines.llm();
  } catch (error) {
    if (
      isAppError(error) &&
      (error.kind === 'model_missing' || error.kind === 'model_corrupt')
    )
      return undefined;
    throw error;
  }
}
