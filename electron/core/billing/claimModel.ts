import type { ClaimDiagnosis } from './diagnoses';

export interface ClaimAddress {
  line: string[];
  city: string;
  state: string;
  postalCode: string;
}

/** A person on a claim: the subscriber, or the client when not the subscriber. */
export interface ClaimPerson {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'F' | 'M' | 'U';
  address: ClaimAddress;
}

export interface ClaimLine {
  cpt: string;
  modifiers: string[];
  units: number;
  charge: number;
  pos: string;
  /** 1-based pointers into `Claim.diagnoses` (SV107, at most 4). */
  pointers: number[];
  serviceDate: string;
}

/**
 * Hushnote's internal professional claim: everything the 837P and the FHIR
 * Claim are written from, already checked. Build it with `buildClaim`.
 */
export interface Claim {
  /** CLM01, the patient account number. */
  accountNumber: string;
  clientId: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequency: '1' | '7' | '8';
  originalClaimRef?: string;
  priorAuthorization?: string;
  serviceDate: string;
  placeOfService: string;
  billingProvider: {
    name: string;
    npi: string;
    taxId: string;
    taxonomy: string;
    address: ClaimAddress;
  };
  /** Present only when the rendering clinician is not the billing provider. */
  rendering?: {
    givenName: string;
    familyName: string;
    npi: string;
    taxonomy: string;
  };
  /** Present only when the service address differs from the billing one. */
  serviceFacility?: { name: string; npi?: string; address: ClaimAddress };
  payer: { id: string; name: string; filingIndicator: string };
  subscriber: ClaimPerson & { memberId: string; groupNumber?: string };
  /** Present only when the client is not the subscriber (loop 2000C). */
  patient?: ClaimPerson & { relationship: 'spouse' | 'child' | 'other' };
  diagnoses: ClaimDiagnosis[];
  lines: ClaimLine[];
  totalCharge: number;
}

export interface BuildClaimOptions {
  /** CLM01; defaults to the appointment id. */
  accountNumber?: string;
  frequency?: Claim['frequency'];
  originalClaimRef?: string;
  priorAuthorization?: string;
  /** Charge per unit by CPT code; falls back to appointment.chargePerUnit. */
  fees?: Readonly<Record<string, number>>;
  billingTaxonomy?: string;
  serviceFacility?: { name: string; npi?: string; address: ClaimAddress };
}
