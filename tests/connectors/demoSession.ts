import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  scoreAssessment,
  toFhirObservations,
  toFhirQuestionnaireResponse,
} from '../../electron/core/assessments';
import {
  buildClaim,
  suggestCodes,
  toFhirClaim,
} from '../../electron/core/billing';
import {
  appointmentSchema,
  type Appointment,
} from '../../electron/core/domain/appointment';
import type { SessionBundleInput } from '../../electron/core/fhir/sessionBundleInput';
import type { Part2Consent } from '../../electron/core/part2/part2Consent';
import { PACKAGE_ROOT } from '../../electron/core/paths';

/**
 * The demo session (resources/samples/cbt-phq9-demo): a 53-minute video
 * visit from home, Medicare, F33.1 + F41.1, 90837-95 at POS 10, PHQ-9 15,
 * built through the real assessments and billing modules.
 */
export function demoAppointment(): Appointment {
  const file = path.join(
    PACKAGE_ROOT,
    'resources',
    'samples',
    'cbt-phq9-demo.appointment.json',
  );
  const appointment = appointmentSchema.parse(
    JSON.parse(readFileSync(file, 'utf8')),
  );
  // 837P 2010AA N403 wants the billing ZIP+4; the sample has five digits.
  appointment.billingProvider.address.postalCode = '627011234';
  return appointment;
}

export function demoSession(
  overrides: Partial<SessionBundleInput> = {},
): SessionBundleInput {
  const appointment = overrides.appointment ?? demoAppointment();
  const sessionId = overrides.sessionId ?? 'session-demo-0001';
  const encounter = {
    start: appointment.scheduledStart,
    end: appointment.scheduledEnd,
  };

  const phq9 = scoreAssessment('phq9', [2, 3, 3, 2, 1, 2, 1, 0, 1]);
  const fhirCtx = {
    id: `phq9-${sessionId}`,
    subject: `Patient/${appointment.client.id}`,
    effective: encounter.start,
    performer: `Practitioner/${appointment.clinician.id}`,
    encounter: `Encounter/${sessionId}`,
  };
  const confirmed = { ...phq9, status: 'confirmed' as const };

  const suggestion = suggestCodes({
    service: appointment.service,
    minutes: 53,
    modality: appointment.modality,
    clientLocation: appointment.clientLocation,
    payerProfile: appointment.payer.profile,
    credential: appointment.clinician.credential,
  });
  const claim = toFhirClaim(buildClaim(appointment, suggestion), {
    created: '2026-11-03T16:10:00-06:00',
  });

  return {
    sessionId,
    appointment,
    encounter,
    note: demoNote(`note-${sessionId}`),
    assessments: [
      {
        instrument: 'phq9',
        questionnaireResponse: toFhirQuestionnaireResponse(confirmed, fhirCtx),
        observations: toFhirObservations(confirmed, fhirCtx),
      },
    ],
    claim,
    ...overrides,
  };
}

function demoNote(id: string): SessionBundleInput['note'] {
  const sections = [
    {
      key: 'subjective',
      title: 'Subjective',
      loinc: '61150-9',
      text: 'Client reports low mood, poor sleep and worry about work. PHQ-9 administered verbally: total 15 (moderately severe); item 9 endorsed (several days), denies plan or intent.',
    },
    {
      key: 'objective',
      title: 'Objective',
      loinc: '61149-1',
      text: 'Video visit, client at home. Alert, oriented, cooperative; mood "down", affect constricted; thought process linear.',
    },
    {
      key: 'assessment',
      title: 'Assessment',
      loinc: '51848-0',
      text: 'F33.1 MDD recurrent, moderate; F41.1 GAD. Passive SI without plan; protective factors present; low acute risk. Safety plan reviewed.',
    },
    {
      key: 'plan',
      title: 'Plan',
      loinc: '18776-5',
      text: 'CBT cognitive restructuring continued. Homework: thought log and wind-down routine. Next session Tuesday at 4 pm.',
    },
  ];
  return {
    id,
    format: 'SOAP',
    sections,
    text: sections.map((s) => `${s.title}\n${s.text}`).join('\n\n'),
    signer: {
      id: 'demo-clinician',
      name: 'Alex Rivera',
      credential: 'LCSW',
      npi: '1234567893',
    },
    signedAt: '2026-11-03T16:05:00-06:00',
    aiAssisted: true,
  };
}

/** A complete TPO consent with every §2.31 element. */
export function demoPart2Consent(
  overrides: Partial<Part2Consent> = {},
): Part2Consent {
  return {
    id: 'consent-demo-part2',
    patientName: "Jordan O'Rourke-Demo",
    discloser: 'Rivera Counseling LLC',
    information: ['progress-notes', 'assessments', 'diagnoses', 'claims'],
    informationDescription:
      'progress notes, screening results, diagnoses and claims for substance use treatment',
    recipients: [{ class: 'treating-providers' }, { class: 'health-plans' }],
    purposes: ['treatment', 'payment', 'operations'],
    revocationStatement:
      'I may revoke this consent at any time in writing to Rivera Counseling LLC.',
    expiration: { event: 'end of treatment' },
    signedBy: "Jordan O'Rourke-Demo",
    signedAt: '2026-10-01T10:00:00-05:00',
    redisclosureStatement:
      'Records disclosed under this consent to a covered entity may be redisclosed as HIPAA permits.',
    refusalStatement: 'Refusing to sign does not affect my treatment.',
    ...overrides,
  };
}
