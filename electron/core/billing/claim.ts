import { AppError } from '../../contract/errors';
import type { Appointment } from '../domain/appointment';
import { log } from '../log/logger';
import type { BuildClaimOptions, Claim, ClaimLine } from './claimModel';
import {
  clinicianTaxonomy,
  requireCoverage,
  sameAddress,
  splitName,
  type ResolvedCoverage,
} from './claimParties';
import {
  claimDiagnoses,
  defaultPointers,
  type ClaimDiagnosis,
} from './diagnoses';
import { isValidNpi } from './npi';
import { loadPayerProfile } from './payerProfile';
import { localDate } from './sessionMinutes';
import type { BillingSuggestion } from './types';

export type {
  BuildClaimOptions,
  Claim,
  ClaimAddress,
  ClaimLine,
  ClaimPerson,
} from './claimModel';
export { splitName } from './claimParties';

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
  log().info('billing.claim_built', {
    appointmentId: appointment.id,
    lineCount: lines.length,
    diagnosisCount: diagnoses.length,
  });
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

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
