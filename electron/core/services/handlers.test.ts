import { describe, expect, it } from 'vitest';
import type { EventMap } from '../../contract/contract';
import { AppError } from '../../contract/errors';
import { EventBus } from '../app/events';
import type { Appointment } from '../domain/appointment';
import { HandlerRegistry } from '../ipc/registry';
import { adHocFrom, registerSessionHandlers } from './handlers';
import type {
  ProcessOptions,
  SessionDetail,
  SessionService,
  SessionSummary,
} from './types';

const appointment = {
  id: 'appt-1',
  client: {
    id: 'c1',
    givenName: 'Test',
    familyName: 'Client',
    birthDate: '1990-01-01',
    sex: 'U',
    address: {
      line: ['1 Main St'],
      city: 'Town',
      state: 'OR',
      postalCode: '97000',
    },
  },
  clinician: {
    id: 'u1',
    name: 'Dr Example',
    npi: '1234567893',
    credential: 'LCSW',
  },
  billingProvider: {
    name: 'Practice',
    npi: '1234567893',
    taxId: '123456789',
    address: {
      line: ['1 Main St'],
      city: 'Town',
      state: 'OR',
      postalCode: '97000',
    },
  },
  payer: { id: 'p1', name: 'Payer', profile: 'commercial' },
  service: 'psychotherapy',
  modality: 'video',
  clientLocation: 'home',
  timeZone: 'America/Los_Angeles',
  scheduledStart: '2026-12-03T17:00:00Z',
  scheduledEnd: '2026-12-03T17:53:00Z',
  diagnoses: [],
  goals: [],
} satisfies Appointment;

/** Only what these handlers call; the rest refuses loudly. */
function fakeService(importRecording: SessionService['importRecording']): {
  service: SessionService;
  created: Appointment[];
} {
  const created: Appointment[] = [];
  const summary = (a: Appointment): SessionSummary => ({
    id: 's1',
    appointmentId: a.id,
    clientId: a.client.id,
    clientLabel: 'T. Client',
    status: 'scheduled',
    scheduledStart: a.scheduledStart,
    scheduledEnd: a.scheduledEnd,
    modality: a.modality,
    noteStatus: null,
  });
  const refuse = () => {
    throw new Error('not in this fake');
  };
  const service: SessionService = {
    listSessions: () => [],
    listAppointments: () => [appointment],
    createSession: (a) => {
      created.push(a);
      return summary(a);
    },
    importRecording,
    processRecording: refuse,
    getSession: () =>
      ({
        summary: summary(appointment),
        appointment,
      }) as unknown as SessionDetail,
    getBilling: refuse,
    editNote: refuse,
    signNote: refuse,
    amendNote: refuse,
    cosignNote: refuse,
    redraftNote: refuse,
    evidenceAudio: refuse,
    recordAssessment: refuse,
    deliver: refuse,
    listDeliveries: () => [],
    close: () => Promise.resolve(),
  };
  return { service, created };
}

function eventsOf(bus: EventBus) {
  const seen: { name: string; payload: unknown }[] = [];
  bus.onAny((name, payload) => seen.push({ name, payload }));
  const ended = () =>
    new Promise<EventMap['job']>((resolve) =>
      bus.onAny(
        (name, payload) =>
          name === 'job' && resolve(payload as EventMap['job']),
      ),
    );
  return { seen, ended };
}

const request = {
  sessionId: 's1',
  fileName: 'visit.flac',
  base64: Buffer.from('RIFF-not-really').toString('base64'),
};

describe('session handlers', () => {
  it('imports as a background job with overall progress, then reports it done', async () => {
    const bus = new EventBus();
    const registry = new HandlerRegistry();
    let options: ProcessOptions | undefined;
    const { service } = fakeService((_id, file, o) => {
      options = o;
      expect(file.bytes.toString()).toBe('RIFF-not-really');
      o.onProgress?.('transcribe', 0.5);
      return Promise.resolve({} as SessionDetail);
    });
    registerSessionHandlers(registry, service, bus);
    const { seen, ended } = eventsOf(bus);

    const done = ended();
    const reply = await registry.dispatch('session:import', request, {
      origin: 'test',
    });
    expect(reply.ok).toBe(true);
    expect(await done).toMatchObject({ state: 'done', sessionId: 's1' });
    expect(options).toMatchObject({ format: 'soap', engine: 'rules' });
    // transcribe is step 2 of 9: halfway through it is 1.5 / 9 overall.
    expect(seen.find((e) => e.name === 'progress')?.payload).toMatchObject({
      step: 'transcribe',
      fraction: 1.5 / 9,
    });
  });

  it('cancels a running import and reports it cancelled, not failed', async () => {
    const bus = new EventBus();
    const registry = new HandlerRegistry();
    const { service } = fakeService(
      (_id, _file, o) =>
        new Promise((_resolve, reject) => {
          o.signal?.addEventListener('abort', () =>
            reject(new AppError('cancelled', 'Cancelled.')),
          );
        }),
    );
    registerSessionHandlers(registry, service, bus);
    const { ended } = eventsOf(bus);

    const done = ended();
    const reply = await registry.dispatch('session:import', request, {
      origin: 'test',
    });
    if (!reply.ok) throw new Error('import refused');
    const { jobId } = reply.data as { jobId: string };
    expect(
      await registry.dispatch('job:cancel', { jobId }, { origin: 'test' }),
    ).toEqual({ ok: true, data: { cancelled: true } });
    expect(await done).toMatchObject({ state: 'cancelled' });
  });

  it('reports a failed import with its error kind', async () => {
    const bus = new EventBus();
    const registry = new HandlerRegistry();
    const { service } = fakeService(() =>
      Promise.reject(new AppError('audio_unreadable', 'Not audio.')),
    );
    registerSessionHandlers(registry, service, bus);
    const { ended } = eventsOf(bus);
    const done = ended();
    await registry.dispatch('session:import', request, { origin: 'test' });
    expect(await done).toMatchObject({
      state: 'failed',
      error: { kind: 'audio_unreadable' },
    });
  });

  it('refuses an empty file before anything runs', async () => {
    const registry = new HandlerRegistry();
    registerSessionHandlers(
      registry,
      fakeService(() => Promise.reject(new Error('ran'))).service,
      new EventBus(),
    );
    const reply = await registry.dispatch(
      'session:import',
      { ...request, base64: '====' },
      { origin: 'test' },
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'audio_empty' } });
  });

  it('creates a session from an appointment file and says where a bad one is wrong', async () => {
    const registry = new HandlerRegistry();
    const { service, created } = fakeService(() =>
      Promise.reject(new Error('unused')),
    );
    registerSessionHandlers(registry, service, new EventBus());

    const ok = await registry.dispatch(
      'session:create',
      { appointment },
      { origin: 'test' },
    );
    expect(ok.ok).toBe(true);
    expect(created[0]?.id).toBe('appt-1');

    const bad = await registry.dispatch(
      'session:create',
      { appointment: { ...appointment, modality: 'carrier pigeon' } },
      { origin: 'test' },
    );
    expect(bad).toEqual({
      ok: false,
      error: {
        kind: 'invalid_request',
        message: 'The appointment is not valid at modality.',
      },
    });
  });

  it('starts an ad-hoc session now for a scheduled client, keeping its length', () => {
    const now = new Date('2026-12-03T20:00:00Z');
    const adHoc = adHocFrom(appointment, now);
    expect(adHoc.id).toMatch(/^adhoc-/);
    expect(adHoc.client).toEqual(appointment.client);
    expect(adHoc.scheduledStart).toBe('2026-12-03T20:00:00.000Z');
    expect(adHoc.scheduledEnd).toBe('2026-12-03T20:53:00.000Z');
  });
});
