import { readFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { Appointment } from '../domain/appointment';
import { resourcePath } from '../paths';
import { credentialClass } from './credentials';
import {
  claimDiagnoses,
  defaultPointers,
  type ClaimDiagnosis,
} from './diagnoses';
import { isValidNpi } from './npi';
import { loadPayerProfile } from './payerProfile';
import { localDate } from './sessionMinutes';
import type { BillingSuggestion } from './types';

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

/**
 * Turns an appointment and its (unblocked) suggestion into a checked claim.
 * Throws `claim_invalid` with a clear reason when the claim cannot be sent:
 * no coverage, a blocked suggestion, an invalid NPI, a missing fee.
 */
export function buildClaim(
  appointment: Appointment,
  suggestion: BillingSuggestion,
  opts: BuildClaimOptions = {},
): Claim {
  assertBillable(appointment, suggestion, opts);
  const coverage = requireCoverage(appointment);
  const diagnoses = claimDiagnoses(appointment.diagnoses.map((d) => d.code));
  const serviceDate = localDate(
    appointment.scheduledStart,
    appointment.timeZone,
  );
  const lines = claimLines(
    appointment,
    suggestion,
    opts,
    diagnoses,
    serviceDate,
  );

  const claim: Claim = {
    accountNumber: opts.accountNumber ?? appointment.id,
    clientId: appointment.client.id,
    frequency: opts.frequency ?? '1',
    serviceDate,
    placeOfService: suggestion.placeOfService,
    billingProvider: billingProvider(appointment, opts),
    payer: payerOf(appointment),
    subscriber: coverage.subscriber,
    diagnoses,
    lines,
    totalCharge: roundCents(lines.reduce((sum, line) => sum + line.charge, 0)),
  };
  addOptionalParts(claim, appointment, coverage, opts);
  return claim;
}

function assertBillable(
  appointment: Appointment,
  suggestion: BillingSuggestion,
  opts: BuildClaimOptions,
): void {
  if (suggestion.blocked || suggestion.lines.length === 0) {
    throw new AppError(
      'claim_invalid',
      `Nothing billable: ${suggestion.blocked ?? 'no service lines'}`,
    );
  }
  if (!isValidNpi(appointment.billingProvider.npi)) {
    throw new AppError(
      'claim_invalid',
      'The billing provider NPI fails its check digit.',
    );
  }
  if (!isValidNpi(appointment.clinician.npi)) {
    throw new AppError(
      'claim_invalid',
      "The rendering clinician's NPI fails its check digit.",
    );
  }
  if (!/^\d{9}$/.test(appointment.billingProvider.taxId.replace('-', ''))) {
    throw new AppError(
      'claim_invalid',
      'The billing provider tax ID must have 9 digits.',
    );
  }
  // 837P 2010AA N403: the billing provider ZIP must be the full 9 digits.
  if (
    !/^\d{9}$/.test(
      appointment.billingProvider.address.postalCode.replace('-', ''),
    )
  ) {
    throw new AppError(
      'claim_invalid',
      'The billing provider ZIP code must be ZIP+4 (9 digits).',
    );
  }
  const isReplacement = opts.frequency === '7' || opts.frequency === '8';
  if (isReplacement && !opts.originalClaimRef) {
    throw new AppError(
      'claim_invalid',
      'A replacement or void claim needs the original payer claim number.',
    );
  }
}

interface ResolvedCoverage {
  subscriber: Claim['subscriber'];
  patient?: Claim['patient'];
}

function requireCoverage(appointment: Appointment): ResolvedCoverage {
  const coverage = appointment.coverage;
  if (!coverage) {
    throw new AppError(
      'claim_invalid',
      'No insurance coverage is on file for this client, so no claim can be made; add coverage or bill the client directly.',
    );
  }
  const member = {
    memberId: coverage.memberId,
    ...(coverage.groupNumber ? { groupNumber: coverage.groupNumber } : {}),
  };
  const client = personOf(appointment.client);
  if (coverage.relationship === 'self') {
    return { subscriber: { ...client, ...member } };
  }
  if (!coverage.subscriber) {
    throw new AppError(
      'claim_invalid',
      'The coverage names a subscriber other than the client but gives no subscriber details.',
    );
  }
  return {
    subscriber: { ...personOf(coverage.subscriber), ...member },
    patient: { ...client, relationship: coverage.relationship },
  };
}

function personOf(p: ClaimPerson): ClaimPerson {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate,
    sex: p.sex,
    address: p.address,
  };
}

function claimLines(
  appointment: Appointment,
  suggestion: BillingSuggestion,
  opts: BuildClaimOptions,
  diagnoses: readonly ClaimDiagnosis[],
  serviceDate: string,
): ClaimLine[] {
  const pointers = defaultPointers(diagnoses);
  return suggestion.lines.map((line) => {
    const fee = opts.fees?.[line.cpt] ?? appointment.chargePerUnit;
    if (fee === undefined) {
      throw new AppError(
        'claim_invalid',
        `No charge is set for ${line.cpt}; add it to the fee schedule.`,
      );
    }
    return {
      cpt: line.cpt,
      modifiers: line.modifiers,
      units: line.units,
      charge: roundCents(fee * line.units),
      pos: line.pos,
      pointers,
      serviceDate,
    };
  });
}

function billingProvider(
  appointment: Appointment,
  opts: BuildClaimOptions,
): Claim['billingProvider'] {
  const bp = appointment.billingProvider;
  return {
    name: bp.name,
    npi: bp.npi,
    taxId: bp.taxId.replace('-', ''),
    taxonomy: opts.billingTaxonomy ?? clinicianTaxonomy(appointment),
    address: bp.address,
  };
}

function payerOf(appointment: Appointment): Claim['payer'] {
  const profile = loadPayerProfile(appointment.payer.profile);
  return {
    id: appointment.payer.id,
    name: appointment.payer.name,
    filingIndicator: profile.claimFilingIndicator,
  };
}

function addOptionalParts(
  claim: Claim,
  appointment: Appointment,
  coverage: ResolvedCoverage,
  opts: BuildClaimOptions,
): void {
  if (coverage.patient) claim.patient = coverage.patient;
  if (opts.originalClaimRef) claim.originalClaimRef = opts.originalClaimRef;
  if (opts.priorAuthorization)
    claim.priorAuthorization = opts.priorAuthorization;

  // 2310B is sent only when the rendering provider differs from the billing
  // provider (837P TR3 2310B situational rule).
  if (appointment.clinician.npi !== appointment.billingProvider.npi) {
    claim.rendering = {
      ...splitName(appointment.clinician.name),
      npi: appointment.clinician.npi,
      taxonomy: clinicianTaxonomy(appointment),
    };
  }
  // 2310C only when the service location differs from the billing address.
  const facility = opts.serviceFacility;
  if (
    facility &&
    !sameAddress(facility.address, appointment.billingProvider.address)
  ) {
    claim.serviceFacility = facility;
  }
}

function sameAddress(a: ClaimAddress, b: ClaimAddress): boolean {
  const key = (x: ClaimAddress) =>
    [...x.line, x.city, x.state, x.postalCode.slice(0, 5)]
      .join('|')
      .toUpperCase();
  return key(a) === key(b);
}

/** "Dana Reyes, LCSW" -> given "Dana", family "Reyes". */
export function splitName(name: string): {
  givenName: string;
  familyName: string;
} {
  const bare = (name.split(',')[0] ?? name).trim();
  const parts = bare.split(/\s+/);
  const familyName = parts.pop() ?? bare;
  return { givenName: parts.join(' '), familyName };
}

let taxonomyTable: Record<string, string> | undefined;

function clinicianTaxonomy(appointment: Appointment): string {
  if (appointment.clinician.taxonomy) return appointment.clinician.taxonomy;
  taxonomyTable ??= (
    JSON.parse(
      readFileSync(resourcePath('codes', 'provider-taxonomy.json'), 'utf8'),
    ) as {
      byCredentialClass: Record<string, string>;
    }
  ).byCredentialClass;
  const found =
    taxonomyTable[credentialClass(appointment.clinician.credential)];
  if (!found)
    throw new AppError(
      'claim_invalid',
      'No provider taxonomy is known for this credential.',
    );
  return found;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
