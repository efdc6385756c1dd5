import type {
  Appointment as FhirAppointment,
  CodeableConcept,
  Coverage,
  Goal,
  Organization,
  Patient,
  Practitioner,
} from '@medplum/fhirtypes';
import {
  appointmentSchema,
  type Appointment,
  type Modality,
  type Service,
} from '../domain/appointment';

/** Practice facts an EHR schedule does not carry, from the connector config. */
export interface ScheduleDefaults {
  billingProvider?: Appointment['billingProvider'];
  /** Payer id → payer profile under resources/payers. */
  payerProfiles?: Record<string, string>;
  /** Program name recorded for clients the EHR labels 42CFRPart2. */
  part2Program?: string;
  /** Only this clinician's appointments (group practices share one EHR). */
  practitionerNpi?: string;
}

/** An Appointment with the resources it refers to, already fetched. */
export interface FetchedAppointment {
  appointment: FhirAppointment;
  patient: Patient;
  practitioner: Practitioner;
  coverage?: Coverage;
  payer?: Organization;
  goals: Goal[];
}

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const SEX = { female: 'F', male: 'M' } as const;

/**
 * Maps a FHIR Appointment and its participants to Hushnote's Appointment.
 * Modality comes from the Appointment's type codings (v3-ActCode VR or
 * words like video/telehealth/phone); telehealth clients are assumed at
 * home unless a Location participant says otherwise.
 */
export function toDomainAppointment(
  f: FetchedAppointment,
  timeZone: string,
  defaults: ScheduleDefaults,
): Appointment {
  const { appointment: a, patient } = f;
  const modality = modalityOf(a);
  return appointmentSchema.parse({
    id: a.id,
    client: client(patient, defaults),
    clinician: clinician(f.practitioner),
    billingProvider: defaults.billingProvider ?? placeholderBilling(),
    ...payerAndCoverage(f, defaults),
    service: serviceOf(a),
    modality,
    clientLocation:
      modality === 'in-person' || atOtherLocation(a) ? 'other' : 'home',
    timeZone,
    scheduledStart: a.start,
    scheduledEnd: a.end,
    diagnoses: (a.reasonCode ?? []).flatMap((c) =>
      (c.coding ?? [])
        .filter((x) => x.system === ICD10CM && x.code)
        .map((x) => ({
          code: x.code ?? '',
          display: x.display ?? c.text ?? '',
        })),
    ),
    goals: f.goals.map((g) => ({
      id: g.id ?? '',
      text: g.description.text ?? '',
    })),
  });
}

function client(p: Patient, defaults: ScheduleDefaults) {
  const name = p.name?.[0];
  const address = p.address?.[0];
  const part2 = p.meta?.security?.some((s) => s.code === '42CFRPart2');
  return {
    id: p.identifier?.[0]?.value ?? p.id ?? '',
    givenName: name?.given?.join(' ') ?? '',
    familyName: name?.family ?? '',
    birthDate: p.birthDate ?? '',
    sex: p.gender === 'female' || p.gender === 'male' ? SEX[p.gender] : 'U',
    address: {
      line: address?.line?.length ? address.line : [''],
      city: address?.city ?? '',
      state: address?.state ?? '',
      postalCode: address?.postalCode ?? '',
    },
    ...(part2
      ? { part2Program: defaults.part2Program ?? '42 CFR Part 2 program' }
      : {}),
  };
}

function clinician(p: Practitioner) {
  const name = p.name?.[0];
  const qualification = p.qualification?.[0]?.code;
  const taxonomy = p.qualification
    ?.flatMap((q) => q.code.coding ?? [])
    .find((c) => c.system === 'http://nucc.org/provider-taxonomy')?.code;
  return {
    id: p.id ?? '',
    name:
      name?.text ??
      [name?.given?.join(' '), name?.family].filter(Boolean).join(' '),
    npi: p.identifier?.find((i) => i.system === NPI)?.value ?? '',
    credential: qualification?.text ?? qualification?.coding?.[0]?.code ?? '',
    ...(taxonomy ? { taxonomy } : {}),
  };
}

function payerAndCoverage(f: FetchedAppointment, defaults: ScheduleDefaults) {
  if (!f.coverage || !f.payer) {
    return { payer: { id: 'self-pay', name: 'Self-pay', profile: 'self-pay' } };
  }
  const payerId = f.payer.identifier?.[0]?.value ?? f.payer.id ?? '';
  const relationship = f.coverage.relationship?.coding?.[0]?.code;
  const group = f.coverage.class?.find(
    (c) => c.type.coding?.[0]?.code === 'group',
  )?.value;
  return {
    payer: {
      id: payerId,
      name: f.payer.name ?? '',
      profile: defaults.payerProfiles?.[payerId] ?? 'default',
    },
    coverage: {
      memberId: f.coverage.subscriberId ?? '',
      ...(group ? { groupNumber: group } : {}),
      relationship:
        relationship === 'spouse' ||
        relationship === 'child' ||
        relationship === 'other'
          ? relationship
          : 'self',
    },
  };
}

function words(a: FhirAppointment): string {
  const concepts: (CodeableConcept | undefined)[] = [
    a.appointmentType,
    ...(a.serviceType ?? []),
    ...(a.serviceCategory ?? []),
  ];
  return concepts
    .flatMap((c) => [
      c?.text,
      ...(c?.coding ?? []).flatMap((x) => [x.code, x.display]),
    ])
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

function modalityOf(a: FhirAppointment): Modality {
  const w = words(a);
  if (/\b(phone|audio|telephone)\b/.test(w)) return 'audio';
  if (/\b(vr|video|virtual|telehealth|telemedicine)\b/.test(w)) return 'video';
  return 'in-person';
}

function serviceOf(a: FhirAppointment): Service {
  const w = words(a);
  if (/intake|90791|90792|diagnostic/.test(w)) return 'intake';
  if (/crisis|90839/.test(w)) return 'crisis';
  if (/90846/.test(w)) return 'family';
  if (/family|90847/.test(w)) return 'family-with-client';
  if (/group|90853/.test(w)) return 'group';
  return 'psychotherapy';
}

function atOtherLocation(a: FhirAppointment): boolean {
  return a.participant.some((p) => {
    const ref = p.actor?.reference ?? '';
    const display = (p.actor?.display ?? '').toLowerCase();
    return ref.startsWith('Location/') && !display.includes('home');
  });
}

function placeholderBilling(): Appointment['billingProvider'] {
  return {
    name: '',
    npi: '',
    taxId: '',
    address: { line: [''], city: '', state: '', postalCode: '' },
  };
}
