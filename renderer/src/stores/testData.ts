import type {
  AppointmentView,
  SessionDetailView,
} from '../../../electron/contract/contract';

/** Synthetic session data for store tests (no real person). */
export const appointment: AppointmentView = {
  id: 'appt-1',
  client: {
    id: 'client-1',
    givenName: 'Test',
    familyName: 'Client',
    birthDate: '1990-01-01',
  },
  clinician: { id: 'clin-1', name: 'Dr Example', credential: 'LCSW' },
  payer: { id: 'p1', name: 'Example Health', profile: 'commercial' },
  service: 'psychotherapy',
  modality: 'video',
  clientLocation: 'home',
  scheduledStart: '2026-12-03T15:00:00Z',
  scheduledEnd: '2026-12-03T15:53:00Z',
  diagnoses: [],
  goals: [],
};

export function detail(
  noteStatus: 'draft' | 'signed' = 'draft',
): SessionDetailView {
  return {
    summary: {
      id: 's1',
      appointmentId: 'appt-1',
      clientId: 'client-1',
      clientLabel: 'T. Client',
      status: noteStatus === 'signed' ? 'signed' : 'drafted',
      scheduledStart: appointment.scheduledStart,
      scheduledEnd: appointment.scheduledEnd,
      modality: 'video',
      noteStatus,
    },
    appointment,
    transcript: {
      durationSec: 20,
      language: 'en',
      failedRegions: [],
      silentChannels: [],
      segments: [
        {
          id: 'g1',
          start: 0,
          end: 5,
          role: 'clinician',
          channel: 0,
          text: 'How was sleep?',
          confidence: 0.9,
        },
        {
          id: 'g2',
          start: 5,
          end: 9,
          role: 'client',
          channel: 1,
          text: 'Poor.',
          confidence: 0.9,
        },
      ],
    },
    assessments: [],
    riskFlags: [],
    note: {
      version: 1,
      status: noteStatus,
      createdAt: '2026-12-03T16:00:00Z',
      draft: {
        format: 'soap',
        engine: 'rules',
        sections: [
          {
            id: 'subjective',
            title: 'Subjective',
            sentences: [
              {
                id: 'n1',
                text: 'Client reports poor sleep.',
                evidence: { segmentIds: ['g2'], start: 5, end: 9 },
              },
            ],
          },
        ],
      },
    },
    versions: [],
    billing: null,
    deliveries: [],
  };
}
