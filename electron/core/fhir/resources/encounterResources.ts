import type { Condition, Encounter } from '@medplum/fhirtypes';
import { AppError } from '../../../contract/errors';
import { SYSTEM, encounterClass } from '../fhirCodes';
import { stableUrn } from '../stableId';
import { hushnoteId, ref, type BundleContext } from './bundleContext';

/** FHIR dateTime with a time must carry an offset (FHIR R4 §2.24.0.1). */
const HAS_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Whole minutes of face-to-face time. Actual minutes, never rounded up
 * (CPT time rule; DOMAIN.md §1.1).
 */
export function encounterMinutes(start: string, end: string): number {
  for (const value of [start, end]) {
    if (!HAS_OFFSET.test(value)) {
      throw new AppError(
        'invalid_request',
        'Encounter times need a time-zone offset.',
      );
    }
  }
  const ms = Date.parse(end) - Date.parse(start);
  if (!(ms > 0)) {
    throw new AppError(
      'invalid_request',
      'The encounter ends before it starts.',
    );
  }
  return Math.floor(ms / 60_000);
}

/** The session as an Encounter: VR for telehealth, AMB in person. */
export function buildEncounter(ctx: BundleContext): Encounter {
  const { input, refs } = ctx;
  const appt = input.appointment;
  const { start, end } = input.encounter;
  const minutes = encounterMinutes(start, end);
  const cpt = input.claim?.item?.[0]?.productOrService;

  return {
    resourceType: 'Encounter',
    identifier: [hushnoteId('encounter', input.sessionId)],
    status: 'finished',
    class: encounterClass(appt.modality !== 'in-person'),
    ...(cpt ? { type: [cpt] } : {}),
    serviceType: { text: appt.service },
    subject: ref(refs.patient),
    participant: [
      {
        type: [
          {
            coding: [
              {
                system:
                  'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                code: 'PPRF',
                display: 'primary performer',
              },
            ],
          },
        ],
        individual: ref(refs.practitioner, appt.clinician.name),
      },
    ],
    period: { start, end },
    length: { value: minutes, unit: 'min', system: SYSTEM.ucum, code: 'min' },
    diagnosis: appt.diagnoses.map((dx, i) => ({
      condition: ref(conditionUrl(ctx, dx.code)),
      rank: i + 1,
    })),
    serviceProvider: ref(refs.billingOrg),
  };
}

/** One encounter-diagnosis Condition per ICD-10-CM code (keeps the dot). */
export function buildConditions(ctx: BundleContext): Map<string, Condition> {
  const { input, refs } = ctx;
  const out = new Map<string, Condition>();
  for (const dx of input.appointment.diagnoses) {
    out.set(conditionUrl(ctx, dx.code), {
      resourceType: 'Condition',
      identifier: [hushnoteId('condition', `${input.sessionId}:${dx.code}`)],
      clinicalStatus: {
        coding: [{ system: SYSTEM.conditionClinical, code: 'active' }],
      },
      category: [
        {
          coding: [
            { system: SYSTEM.conditionCategory, code: 'encounter-diagnosis' },
          ],
        },
      ],
      code: {
        coding: [
          { system: SYSTEM.icd10cm, code: dx.code, display: dx.display },
        ],
      },
      subject: ref(refs.patient),
      encounter: ref(refs.encounter),
      recordedDate: input.note.signedAt,
    });
  }
  return out;
}

export function conditionUrl(ctx: BundleContext, code: string): string {
  return stableUrn(`condition:${ctx.input.sessionId}:${code}`);
}
