import type { Appointment } from '../domain/appointment';
import { sessionMinutes } from '../billing/sessionMinutes';
import { suggestCodes } from '../billing/suggestCodes';
import {
  checkDocumentation,
  type DocumentationCheck,
} from '../billing/documentation';
import type { BillingSuggestion } from '../billing/types';
import type { Draft } from '../drafting/types';
import { toDocumentedNote } from '../drafting/documentedNote';

export interface SessionBilling {
  minutes: number;
  suggestion: BillingSuggestion;
  documentation: DocumentationCheck;
}

/** Signature facts once the clinician signs; a draft has none. */
export interface Signature {
  signedAt: string;
  credential: string;
}

/**
 * The billing step: minutes from the appointment's documented start and
 * stop (absolute instants, so a DST change keeps the true length), the
 * rules engine's codes, and the documentation check against the note.
 */
export function billSession(
  appointment: Appointment,
  draft: Draft,
  signature: Signature | null = null,
): SessionBilling {
  const minutes = sessionMinutes({
    start: appointment.scheduledStart,
    end: appointment.scheduledEnd,
  });
  const suggestion = suggestCodes({
    service: appointment.service,
    minutes,
    modality: appointment.modality,
    clientLocation: appointment.clientLocation,
    payerProfile: appointment.payer.profile,
    credential: appointment.clinician.credential,
  });
  const note = toDocumentedNote(draft, appointment, signature);
  return {
    minutes,
    suggestion,
    documentation: checkDocumentation(note, suggestion),
  };
}
