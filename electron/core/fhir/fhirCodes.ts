import type { CodeableConcept, Coding } from '@medplum/fhirtypes';

/** Code systems used by the session bundle (DOMAIN.md §4.1). */
export const SYSTEM = {
  loinc: 'http://loinc.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationValue: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  ucum: 'http://unitsofmeasure.org',
  docCategory:
    'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  provenanceRole:
    'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  /** Hushnote's own identifier namespaces; values are stable per session. */
  hushnote: 'urn:hushnote',
} as const;

/**
 * The progress note's document type. LOINC 34904-3 "Mental health Progress
 * note" fits a therapy note best (DOMAIN.md §4.1); EHRs that accept only the
 * US Core starter set map it to 11506-3 per connector.
 */
export const DEFAULT_NOTE_TYPE: Coding = {
  system: SYSTEM.loinc,
  code: '34904-3',
  display: 'Mental health Progress note',
};

/** US Core clinical-note category. */
export const CLINICAL_NOTE_CATEGORY: CodeableConcept = {
  coding: [
    {
      system: SYSTEM.docCategory,
      code: 'clinical-note',
      display: 'Clinical Note',
    },
  ],
};

/** v3-ActCode encounter classes: VR for telehealth, AMB in person. */
export function encounterClass(virtual: boolean): Coding {
  return virtual
    ? { system: SYSTEM.actCode, code: 'VR', display: 'virtual' }
    : { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' };
}

/** HL7 AI Transparency IG: "AI assisted" tag for model-drafted content. */
export const AI_ASSISTED_TAG: Coding = {
  system: SYSTEM.observationValue,
  code: 'AIAST',
  display: 'Artificial Intelligence asserted',
};

/** Identifier system for one kind of Hushnote record. */
export function hushnoteSystem(kind: string): string {
  return `${SYSTEM.hushnote}:${kind}`;
}
