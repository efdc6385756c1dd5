import type { Appointment } from '../../electron/core/domain/appointment';

/**
 * A synthetic appointment for the demo session: a 53-minute video visit from
 * the client's home, F33.1 and F41.1. Names and IDs are made up; the NPIs
 * carry valid check digits.
 */
export function demoAppointment(
  overrides: Partial<Appointment> = {},
): Appointment {
  return {
    id: 'appt-demo-0001',
    client: {
      id: 'client-0001',
      givenName: 'Jordan',
      familyName: 'Sample',
      birthDate: '1988-02-14',
      sex: 'F',
      address: {
        line: ['12 Elm Street'],
        city: 'Springfield',
        state: 'IL',
        postalCode: '62701',
      },
    },
    clinician: {
      id: 'clin-01',
      name: 'Dana Reyes, LCSW',
      npi: '1234567893',
      credential: 'LCSW',
    },
    billingProvider: {
      name: 'Quiet Harbor Counseling LLC',
      npi: '1456789019',
      taxId: '12-3456789',
      address: {
        line: ['400 Main St', 'Suite 2'],
        city: 'Springfield',
        state: 'IL',
        postalCode: '62701-1234',
      },
    },
    payer: { id: '60054', name: 'Example Health Plan', profile: 'commercial' },
    coverage: {
      memberId: 'XYZ123456789',
      groupNumber: 'GRP-100',
      relationship: 'self',
    },
    service: 'psychotherapy',
    modality: 'video',
    clientLocation: 'home',
    timeZone: 'America/Chicago',
    scheduledStart: '2026-04-14T16:00:00-05:00',
    scheduledEnd: '2026-04-14T16:53:00-05:00',
    diagnoses: [
      {
        code: 'F33.1',
        display: 'Major depressive disorder, recurrent, moderate',
      },
      { code: 'F41.1', display: 'Generalized anxiety disorder' },
    ],
    goals: [{ id: 'g1', text: 'Reduce PHQ-9 below 10' }],
    chargePerUnit: 150,
    ...overrides,
  };
}

export const demoEnvelope = {
  senderId: 'HUSHNOTE01',
  receiverId: 'CLEARINGHSE',
  controlNumber: 17,
  date: new Date('2026-04-15T14:05:00Z'),
  submitter: {
    name: 'Quiet Harbor Counseling LLC',
    contactName: 'Billing Desk',
    phone: '217-555-0100',
  },
  receiver: { name: 'Example Clearinghouse' },
  usage: 'T' as const,
};
