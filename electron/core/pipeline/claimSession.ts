import type { Claim as FhirClaim } from '@medplum/fhirtypes';
import type { Appointment } from '../domain/appointment';
import { buildClaim, type Claim } from '../billing/claim';
import { toFhirClaim } from '../billing/fhirClaim';
import { generate837P } from '../billing/x12/generate837P';
import type { BillingSuggestion } from '../billing/types';

export interface SessionClaim {
  claim: Claim;
  x12: string;
  fhir: FhirClaim;
}

export interface ClaimContext {
  /** ISA13: unique per interchange the practice sends. */
  controlNumber: number;
  now: Date;
}

/**
 * The claim step: one professional claim for the session as an 837P
 * interchange and a FHIR Claim. Throws claim_invalid (no coverage, a
 * blocked suggestion, a bad NPI) with the reason.
 */
export function claimSession(
  appointment: Appointment,
  suggestion: BillingSuggestion,
  context: ClaimContext,
): SessionClaim {
  const claim = buildClaim(appointment, suggestion);
  const x12 = generate837P([claim], {
    senderId: appointment.billingProvider.taxId.replace(/\D/g, ''),
    receiverId: appointment.payer.id,
    controlNumber: context.controlNumber,
    date: context.now,
    timeZone: appointment.timeZone,
    submitter: {
      name: appointment.billingProvider.name,
      contactName: appointment.clinician.name,
      ...(appointment.billingProvider.phone
        ? { phone: appointment.billingProvider.phone }
        : {}),
      ...(appointment.billingProvider.email
        ? { email: appointment.billingProvider.email }
        : {}),
    },
    receiver: { name: appointment.payer.name },
    usage: 'T',
  });
  const fhir = toFhirClaim(claim, { created: context.now.toISOString() });
  return { claim, x12, fhir };
}
