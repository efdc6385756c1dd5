import { isAppError } from '../../contract/errors';
import type { AssessmentResult } from '../assessments/types';
import type { Appointment } from '../domain/appointment';
import type { Transcript } from '../domain/transcript';
import type { LlmEngine } from '../llm/LlmEngine';
import { log } from '../log/logger';
import type { RiskFlag } from '../risk/types';
import { composeDraft, noContentDraft } from './compose';
import type { Fact } from './facts';
import { fillRequired, hasClinicalContent } from './guards';
import { emptyStats, type CallContext } from './llmCall';
import { composeSections } from './llmCompose';
import { extractFacts, type ExtractResult } from './llmExtract';
import { rulesFacts } from './rulesDrafter';
import { loadTemplate, type NoteTemplate } from './templates';
import type { Draft, DraftEngine, DraftProgress, NoteFormat } from './types';

export interface DraftInput {
  transcript: Transcript;
  /** Session facts (date, times, modality, goals) come from here. */
  appointment?: Appointment;
  format: NoteFormat;
  engine: DraftEngine;
  /** From the risk detector; each one always reaches the risk section. */
  riskFlags: RiskFlag[];
  assessments: AssessmentResult[];
  /** Required for engine 'llm'; without it the rules draft is returned. */
  llm?: LlmEngine;
  onProgress?: (event: DraftProgress) => void;
  signal?: AbortSignal;
  /** Clinician templates folder, for formats beyond the built-in four. */
  customTemplatesDir?: string;
}

/**
 * Drafts a progress note in a template's format. Both engines share the
 * guards: a silent session gives a no-content result, risk flags always
 * land in the risk section, and required elements the model missed come
 * from the deterministic drafter. An LLM failure other than cancellation
 * falls back to the rules draft, saying so in `fallbackReason`.
 */
export async function draftNote(input: DraftInput): Promise<Draft> {
  const template = loadTemplate(
    input.format,
    input.customTemplatesDir ? { customDir: input.customTemplatesDir } : {},
  );
  if (!hasClinicalContent(input.transcript, input.riskFlags)) {
    log().info('draft.no_content', {
      segments: input.transcript.segments.length,
      engine: input.engine,
    });
    return noContentDraft(template, input.engine);
  }
  const rules = rulesFacts(input);
  if (input.engine === 'rules')
    return finish(composeDraft(template, rules, 'rules'), input);
  if (!input.llm)
    return finish(
      {
        ...composeDraft(template, rules, 'rules'),
        fallbackReason: 'model_missing',
      },
      input,
    );

  try {
    return finish(await llmDraft(input, input.llm, template, rules), input);
  } catch (error) {
    if (isAppError(error) && error.kind === 'cancelled') throw error;
    log().warn('draft.llm_failed', {
      kind: isAppError(error) ? error.kind : 'internal',
    });
    const reason = isAppError(error) ? error.kind : 'internal';
    return finish(
      { ...composeDraft(template, rules, 'rules'), fallbackReason: reason },
      input,
    );
  }
}

async function llmDraft(
  input: DraftInput,
  llm: LlmEngine,
  template: NoteTemplate,
  rules: Fact[],
): Promise<Draft> {
  const ctx: CallContext = { engine: llm, stats: emptyStats(llm.contextSize) };
  if (input.onProgress) ctx.onProgress = input.onProgress;
  if (input.signal) ctx.signal = input.signal;

  const extracted = await cachedExtract(ctx, input.transcript, llm);
  const composed = await composeSections(
    ctx,
    template,
    extracted.facts,
    input.transcript.segments,
  );
  const composedKinds = new Set(composed.map((f) => f.kind));
  const modelFacts = [
    ...composed,
    ...extracted.facts.filter((f) => !composedKinds.has(f.kind)),
  ];

  const draft = composeDraft(
    template,
    fillRequired(template, modelFacts, rules),
    'llm',
  );
  return {
    ...draft,
    model: llm.modelName,
    stats: ctx.stats,
    ...(extracted.failedChunks > 0 || ctx.stats.failedCalls > 0
      ? { incomplete: true }
      : {}),
  };
}

/**
 * Extraction does not depend on the format, so drafting the same session
 * in several formats with one engine reads the transcript once.
 */
const extractCache = new WeakMap<
  Transcript,
  WeakMap<LlmEngine, ExtractResult>
>();

async function cachedExtract(
  ctx: CallContext,
  transcript: Transcript,
  llm: LlmEngine,
): Promise<ExtractResult> {
  const perEngine =
    extractCache.get(transcript) ?? new WeakMap<LlmEngine, ExtractResult>();
  extractCache.set(transcript, perEngine);
  const hit = perEngine.get(llm);
  if (hit) return hit;
  const result = await extractFacts(ctx, transcript.segments);
  perEngine.set(llm, result);
  return result;
}

function finish(draft: Draft, input: DraftInput): Draft {
  const sentences = draft.sections.reduce((n, s) => n + s.sentences.length, 0);
  input.onProgress?.({ stage: 'done', sentences });
  log().info('draft.done', {
    format: draft.format,
    engine: draft.engine,
    sentences,
  });
  return draft;
}
