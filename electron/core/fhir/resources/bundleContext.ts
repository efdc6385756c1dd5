import type { Coding, Identifier } from '@medplum/fhirtypes';
import type { SessionBundleInput } from '../sessionBundleInput';
import { hushnoteSystem } from '../fhirCodes';
import { stableUrn } from '../stableId';
import type { Part2Consent } from '../../part2/part2Consent';

/** The fullUrls every resource of one session bundle points at. */
export interface BundleRefs {
  patient: string;
  practitioner: string;
  billingOrg: string;
  payerOrg: string;
  coverage: string;
  encounter: string;
  documentReference: string;
  composition: string;
  consent: string;
  provenance: string;
}

/** What the resource builders share while assembling one bundle. */
export interface BundleContext {
  input: SessionBundleInput;
  refs: BundleRefs;
  documentType: Coding;
  /** Base64 PDF of the signed note, when rendered. */
  pdfBase64?: string;
  /** Set for Part 2 clients: the consent the disclosure relies on. */
  part2Consent?: Part2Consent;
  /** The §2.32 notice and consent scope, for Part 2 clients. */
  part2Notice?: string;
}

/** Deterministic fullUrls, namespaced by session so sessions never collide. */
export function bundleRefs(input: SessionBundleInput): BundleRefs {
  const s = input.sessionId;
  const a = input.appointment;
  return {
    patient: stableUrn(`patient:${a.client.id}`),
    practitioner: stableUrn(`practitioner:${a.clinician.npi}`),
    billingOrg: stableUrn(`organization:${a.billingProvider.npi}`),
    payerOrg: stableUrn(`payer:${a.payer.id}`),
    coverage: stableUrn(`coverage:${a.client.id}:${a.payer.id}`),
    encounter: stableUrn(`encounter:${s}`),
    documentReference: stableUrn(`document:${s}:${input.note.id}`),
    composition: stableUrn(`composition:${s}:${input.note.id}`),
    consent: stableUrn(`consent:${input.part2?.consent?.id ?? s}`),
    provenance: stableUrn(`provenance:${s}:${input.note.id}`),
  };
}

/** A Hushnote business identifier of one kind. */
export function hushnoteId(kind: string, value: string): Identifier {
  return { system: hushnoteSystem(kind), value };
}

/** `If-None-Exist` query that finds a resource by that identifier. */
export function ifNoneExistFor(identifier: Identifier): string {
  return `identifier=${identifier.system ?? ''}|${identifier.value ?? ''}`;
}

/** A reference to a bundle entry by its fullUrl. */
export function ref(
  fullUrl: string,
  display?: string,
): { reference: string; display?: string } {
  return display === undefined
    ? { reference: fullUrl }
    : { reference: fullUrl, display };
}
