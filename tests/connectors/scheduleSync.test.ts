import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment as FhirAppointment } from '@medplum/fhirtypes';
import { createConnector } from '../../electron/core/connectors/createConnector';
import type { EhrConnector } from '../../electron/core/connectors/ehrConnector';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { StoreScheduleCache } from '../../electron/core/schedule/scheduleCache';
import { syncSchedule } from '../../electron/core/schedule/syncSchedule';
import { AppointmentsRepository } from '../../electron/core/store/repositories/appointments';
import { SettingsRepository } from '../../electron/core/store/repositories/settings';
import {
  openTestDatabase,
  type TestDatabase,
} from '../../electron/core/store/testDb';
import { demoAppointment } from './demoSession';

const TZ = 'America/Chicago';
const NOW = () => new Date('2026-11-03T14:00:00-06:00');

/** The practice's EHR: one clinician, one client on Medicare, three appointments. */
async function seedSchedule(server: SandboxFhirServer): Promise<void> {
  const patient = await server.seed({
    resourceType: 'Patient',
    identifier: [{ system: 'urn:ehr:mrn', value: 'MRN-4471' }],
    name: [{ family: "O'Rourke-Demo", given: ['Jordan'] }],
    gender: 'other',
    birthDate: '1988-04-12',
    address: [
      {
        line: ['12 Sample Street'],
        city: 'Springfield',
        state: 'IL',
        postalCode: '62701',
      },
    ],
  });
  const practitioner = await server.seed({
    resourceType: 'Practitioner',
    identifier: [
      { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' },
    ],
    name: [{ given: ['Alex'], family: 'Rivera' }],
    qualification: [
      {
        code: {
          text: 'LCSW',
          coding: [
            { system: 'http://nucc.org/provider-taxonomy', code: '1041C0700X' },
          ],
        },
      },
    ],
  });
  const payer = await server.seed({
    resourceType: 'Organization',
    identifier: [{ system: 'urn:ehr:payer', value: 'MEDICARE-IL' }],
    name: 'Medicare Part B (synthetic)',
  });
  const p = `Patient/${patient.id}`;
  await server.seed({
    resourceType: 'Coverage',
    status: 'active',
    subscriberId: '1EG4TE5MK73',
    beneficiary: { reference: p },
    payor: [{ reference: `Organization/${payer.id}` }],
    relationship: {
      coding: [
        {
          system:
            'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
          code: 'self',
        },
      ],
    },
  });
  for (const [text, status] of [
    ['Improve sleep to at least 6 hours on most nights', 'active'],
    ['Reduce depressive symptoms (PHQ-9 below 10)', 'active'],
    ['Old goal', 'completed'],
  ] as const) {
    await server.seed({
      resourceType: 'Goal',
      lifecycleStatus: status,
      description: { text },
      subject: { reference: p },
    });
  }
  const other = await server.seed({
    resourceType: 'Practitioner',
    identifier: [
      { system: 'http://hl7.org/fhir/sid/us-npi', value: '1245319599' },
    ],
    name: [{ given: ['Sam'], family: 'Colleague' }],
  });
  const appointment = (
    id: string,
    start: string,
    end: string,
    status: FhirAppointment['status'],
    clinician = `Practitioner/${practitioner.id}`,
  ): FhirAppointment => ({
    resourceType: 'Appointment',
    status,
    identifier: [{ system: 'urn:ehr:appointment', value: id }],
    appointmentType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
          code: 'VR',
          display: 'virtual',
        },
      ],
    },
    serviceType: [{ text: 'Individual psychotherapy' }],
    reasonCode: [
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/sid/icd-10-cm',
            code: 'F33.1',
            display: 'Major depressive disorder, recurrent, moderate',
          },
        ],
      },
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/sid/icd-10-cm',
            code: 'F41.1',
            display: 'Generalized anxiety disorder',
          },
        ],
      },
    ],
    start,
    end,
    participant: [
      { actor: { reference: p }, status: 'accepted' },
      { actor: { reference: clinician }, status: 'accepted' },
    ],
  });
  await server.seed(
    appointment(
      'today',
      '2026-11-03T15:00:00-06:00',
      '2026-11-03T15:53:00-06:00',
      'booked',
    ),
  );
  await server.seed(
    appointment(
      'late-evening',
      '2026-11-03T23:30:00-06:00',
      '2026-11-04T00:20:00-06:00',
      'booked',
    ),
  );
  await server.seed(
    appointment(
      'cancelled',
      '2026-11-03T10:00:00-06:00',
      '2026-11-03T10:50:00-06:00',
      'cancelled',
    ),
  );
  await server.seed(
    appointment(
      'colleague',
      '2026-11-03T11:00:00-06:00',
      '2026-11-03T11:50:00-06:00',
      'booked',
      `Practitioner/${other.id}`,
    ),
  );
  await server.seed(
    appointment(
      'tomorrow',
      '2026-11-04T15:00:00-06:00',
      '2026-11-04T15:53:00-06:00',
      'booked',
    ),
  );
}

describe('schedule sync from the sandbox EHR', () => {
  let server: SandboxFhirServer;
  let store: TestDatabase;
  let connector: EhrConnector;
  let cache: StoreScheduleCache;

  beforeAll(async () => {
    server = await startSandboxFhirServer();
    await seedSchedule(server);
    store = openTestDatabase();
    cache = new StoreScheduleCache(
      new AppointmentsRepository(store.db),
      new SettingsRepository(store.db),
    );
    const billing = demoAppointment().billingProvider;
    connector = createConnector({
      kind: 'fhir-r4',
      id: 'sandbox',
      name: 'Sandbox EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: { name: 'Sandbox EHR', class: 'treating-providers' },
      timeoutMs: 5_000,
      schedule: {
        billingProvider: billing,
        payerProfiles: { 'MEDICARE-IL': 'medicare' },
        practitionerNpi: '1234567893',
      },
    });
  });
  afterAll(() => store.dispose());

  it("pulls today's booked appointments, pre-filled for a session", async () => {
    const result = await syncSchedule({
      connector,
      cache,
      timeZone: TZ,
      now: NOW,
    });
    expect(result.source).toBe('ehr');
    expect(result.date).toBe('2026-11-03');
    expect(result.appointments.map((a) => a.scheduledStart)).toEqual([
      '2026-11-03T15:00:00-06:00',
      '2026-11-03T23:30:00-06:00',
    ]);

    const [a] = result.appointments;
    expect(a?.client).toMatchObject({
      id: 'MRN-4471',
      givenName: 'Jordan',
      familyName: "O'Rourke-Demo",
      birthDate: '1988-04-12',
      sex: 'U',
    });
    expect(a?.clinician).toMatchObject({
      name: 'Alex Rivera',
      npi: '1234567893',
      credential: 'LCSW',
      taxonomy: '1041C0700X',
    });
    expect(a?.payer).toEqual({
      id: 'MEDICARE-IL',
      name: 'Medicare Part B (synthetic)',
      profile: 'medicare',
    });
    expect(a?.coverage).toEqual({
      memberId: '1EG4TE5MK73',
      relationship: 'self',
    });
    expect(a).toMatchObject({
      modality: 'video',
      clientLocation: 'home',
      service: 'psychotherapy',
      timeZone: TZ,
    });
    expect(a?.diagnoses.map((d) => d.code)).toEqual(['F33.1', 'F41.1']);
    expect(a?.goals.map((g) => g.text)).toEqual([
      'Improve sleep to at least 6 hours on most nights',
      'Reduce depressive symptoms (PHQ-9 below 10)',
    ]);
    expect(a?.billingProvider.npi).toBe('1245319599');

    // Saved in the store, so a session can start from it.
    expect(
      new AppointmentsRepository(store.db).get(a?.id ?? '')?.client.id,
    ).toBe('MRN-4471');
  });

  it("without a clinician filter, pulls every clinician's appointments", async () => {
    const all = createConnector({
      kind: 'fhir-r4',
      id: 'sandbox-all',
      name: 'Sandbox EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: { name: 'Sandbox EHR', class: 'treating-providers' },
    });
    const result = await syncSchedule({
      connector: all,
      cache,
      timeZone: TZ,
      now: NOW,
    });
    expect(result.appointments.map((a) => a.clinician.npi)).toEqual([
      '1245319599',
      '1234567893',
      '1234567893',
    ]);
  });

  it('works offline from the last sync', async () => {
    await server.close();
    const later = () => new Date('2026-11-03T16:00:00-06:00');
    const result = await syncSchedule({
      connector,
      cache,
      timeZone: TZ,
      now: later,
    });
    expect(result.source).toBe('cache');
    expect(result.offline?.kind).toBe('ehr_unreachable');
    expect(result.syncedAt).toBe(NOW().toISOString());
    expect(result.appointments).toHaveLength(2);
  });

  it('says so when offline with nothing saved for the day', async () => {
    await expect(
      syncSchedule({
        connector,
        cache,
        timeZone: TZ,
        date: '2026-11-05',
        now: NOW,
      }),
    ).rejects.toMatchObject({
      kind: 'ehr_unreachable',
      message: expect.stringContaining(
        'No earlier schedule for 2026-11-05',
      ) as string,
    });
  });
});
