import type { DocumentedNote } from '../billing/documentation';
import type { Appointment } from '../domain/appointment';
import { isSegmentEvidence, type Draft, type DraftSentence } from './types';

/**
 * What billing's documentation check sees of a note (DOMAIN.md 1.9): which
 * required elements the draft holds, never their text, except the names of
 * the interventions delivered. Times, modality and location are the
 * appointment's, counted only when the note states them.
 */
export function toDocumentedNote(
  draft: Draft,
  appointment: Appointment,
  signature: { signedAt: string; credential: string } | null = null,
): DocumentedNote {
  const sentences = draft.noContent
    ? []
    : draft.sections.flatMap((s) => s.sentences);
  const has = (kind: string) => sentences.some((s) => s.kind === kind);
  const cites = (field: string) =>
    sentences.some(
      (s) => !isSegmentEvidence(s.evidence) && s.evidence.appointment === field,
    );
  const risk = sentences.filter((s) => s.kind === 'risk');

  return {
    ...(cites('times')
      ? { start: appointment.scheduledStart, end: appointment.scheduledEnd }
      : {}),
    ...(cites('modality')
      ? {
          modality: appointment.modality,
          clientLocation: appointment.clientLocation,
        }
      : {}),
    telehealthConsent: sentences.some(
      (s) => s.kind === 'consent' && /telehealth|video|audio/i.test(s.text),
    ),
    interventions: sentences
      .filter((s) => s.kind === 'intervention')
      .map(interventionName),
    // Mental status is observed, not heard: the clinician adds it (TODO(#6): MSE template fields).
    mentalStatus: has('mental_status'),
    riskAssessment: risk.length > 0,
    riskPresent: risk.some((s) => !/^Client denied/.test(s.text)),
    safetyPlan: has('safety_plan'),
    response: has('response'),
    progressTowardGoals: has('progress'),
    plan: has('homework') || has('next_appointment'),
    signature,
  };
}

function interventionName(sentence: DraftSentence): string {
  const match = /^Clinician used (.+?)(?: \(|\.$)/.exec(sentence.text);
  return match?.[1] ?? sentence.text.slice(0, 80);
}
