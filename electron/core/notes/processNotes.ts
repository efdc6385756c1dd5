import { AppError } from '../../contract/errors';

/**
 * HIPAA psychotherapy notes (45 CFR 164.501): the clinician's private
 * process notes. They live in their own object, apart from the progress
 * note, hold nothing the definition excludes (times, modality, results,
 * diagnosis, plan, progress belong in the progress note), and are never
 * exported or pushed: every export path calls assertExportable.
 */
export interface PrivateProcessNote {
  kind: 'psychotherapy_process_note';
  id: string;
  /** The progress note this accompanies; the link never travels outward. */
  noteId: string;
  clinicianId: string;
  text: string;
  createdAt: string;
}

export function createProcessNote(
  input: Omit<PrivateProcessNote, 'kind'>,
): PrivateProcessNote {
  if (!input.clinicianId.trim())
    throw new AppError(
      'invalid_request',
      'A process note needs its clinician.',
    );
  return { kind: 'psychotherapy_process_note', ...input };
}

export function isProcessNote(value: unknown): value is PrivateProcessNote {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'psychotherapy_process_note'
  );
}

/** Throws when anything headed out of Hushnote is, or carries, a process note. */
export function assertExportable(value: unknown): void {
  if (containsProcessNote(value, 0)) {
    throw new AppError(
      'forbidden',
      'Psychotherapy process notes are private and are never exported.',
    );
  }
}

function containsProcessNote(value: unknown, depth: number): boolean {
  if (isProcessNote(value)) return true;
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((child) =>
    containsProcessNote(child, depth + 1),
  );
}
