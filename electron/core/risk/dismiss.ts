import { AppError } from '../../contract/errors';
import type { RiskFlag } from './types';

export interface DismissInput {
  clinicianId: string;
  /** The risk assessment done: instrument, findings, safety plan, disposition. */
  assessmentNote: string;
  /** Required for abuse and neglect flags: whether a mandated report was made. */
  reportDecision?: 'filed' | 'not_required';
  /** ISO time of the dismissal; now by default. */
  at?: string;
}

/** A documented assessment needs real words, not "ok" or "n/a". */
const MIN_NOTE_CHARS = 20;
const MIN_NOTE_WORDS = 4;

/**
 * Closes a flag once the clinician has documented the assessment they did
 * (e.g. "C-SSRS screen negative for plan and intent; safety plan reviewed").
 * The scribe never closes a flag itself (DOMAIN.md 3.2, item 9 rule).
 * Abuse and neglect flags also need the mandated-report decision. Returns a
 * new flag; the original is left as it was.
 */
export function dismissRiskFlag(flag: RiskFlag, input: DismissInput): RiskFlag {
  if (flag.status === 'dismissed') {
    throw new AppError(
      'conflict',
      'This risk flag has already been dismissed.',
    );
  }
  if (input.clinicianId.trim() === '') {
    throw new AppError(
      'invalid_request',
      'A risk flag is dismissed by a named clinician.',
    );
  }
  const note = input.assessmentNote.trim();
  if (
    note.length < MIN_NOTE_CHARS ||
    note.split(/\s+/).length < MIN_NOTE_WORDS
  ) {
    throw new AppError(
      'invalid_request',
      'Document the risk assessment you did before dismissing this flag.',
    );
  }
  if (flag.mandatedReport && input.reportDecision === undefined) {
    throw new AppError(
      'invalid_request',
      'Record whether a mandated report was filed before dismissing this flag.',
    );
  }

  const dismissal = {
    clinicianId: input.clinicianId.trim(),
    assessmentNote: withDecision(note, input.reportDecision),
    at: input.at ?? new Date().toISOString(),
  };
  return { ...flag, status: 'dismissed', dismissal };
}

function withDecision(
  note: string,
  decision: DismissInput['reportDecision'],
): string {
  if (decision === undefined) return note;
  const words =
    decision === 'filed'
      ? 'Mandated report filed.'
      : 'Mandated report not required.';
  return `${note}\n${words}`;
}
