import { readFileSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { Appointment } from '../domain/appointment';
import { resourcePath } from '../paths';
import type { Claim, ClaimAddress, ClaimPerson } from './claimModel';
import { credentialClass } from './credentials';

export interface ResolvedCoverage {
  subscriber: Claim['subscriber'];
  patient?: Claim['patient'];
}

export function requireCoverage(appointment: Appointment): ResolvedCoverage {
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

export function sameAddress(a: ClaimAddress, b: ClaimAddress): boolean {
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

export function clinicianTaxonomy(appointment: Appointment): string {
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
