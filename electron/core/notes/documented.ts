import type { DocumentedNote } from '../billing/documentation';
import type { Appointment } from '../domain/appointment';
import { toDocumentedNote } from '../drafting/documentedNote';
import type { Note } from './types';

/** The billing view of a note, signed once the clinician has attested. */
export function documentedNoteOf(
  note: Note,
  appointment: Appointment,
): DocumentedNote {
  const first = note.signatures[0];
  const signature = first
    ? {
        signedAt: first.at,
        credential: first.credential ?? appointment.clinician.credential,
      }
    : null;
  return toDocumentedNote(note.draft, appointment, signature);
}
