import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../electron/core/connectors/createConnector';
import type { EhrConnector } from '../../electron/core/connectors/ehrConnector';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { Outbox, enqueueDelivery } from '../../electron/core/outbox/outbox';
import { openDatabase } from '../../electron/core/store/database';
import { OutboxRepository } from '../../electron/core/store/repositories/outbox';
import {
  openTestDatabase,
  type TestDatabase,
} from '../../electron/core/store/testDb';
import { demoSession } from './demoSession';

const RECIPIENT = { name: 'Sandbox EHR', class: 'treating-providers' as const };

/** A clock the test moves by hand, so backoff waits take no real time. */
function fakeClock(start = '2026-11-03T22:10:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('outbox delivery to the sandbox EHR', () => {
  let server: SandboxFhirServer;
  let store: TestDatabase;
  const connectorFor = (id: string): EhrConnector =>
    createConnector({
      kind: 'fhir-r4',
      id,
      name: 'Sandbox EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: RECIPIENT,
      timeoutMs: 8_000,
    });

  beforeAll(async () => {
    server = await startSandboxFhirServer({ hangMs: 20_000 });
  });
  afterAll(() => server.close());
  afterEach(() => store.dispose());

  it('retries through three failures and delivers once on the fourth attempt', async () => {
    store = openTestDatabase();
    const clock = fakeClock();
    const repo = new OutboxRepository(store.db);
    const outbox = new Outbox({
      repo,
      connector: connectorFor,
      now: clock.now,
      random: () => 0.5,
    });
    enqueueDelivery(
      repo,
      'sandbox',
      demoSession({ sessionId: 'session-retry' }),
      clock.now(),
    );

    // A 500, a transaction committed but its answer lost, then a hang.
    server.faults.failNext(1, 'status-500');
    server.faults.failNext(1, 'drop-after-commit');
    server.faults.failNext(1, 'timeout');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await outbox.tick()).toEqual({
        delivered: 0,
        retrying: 1,
        failed: 0,
      });
      const [job] = outbox.pending();
      expect(job?.error?.kind).toBe('ehr_unreachable');
      delays.push(Date.parse(job?.nextAttemptAt ?? '') - clock.now().getTime());
      expect(await outbox.tick()).toEqual({
        delivered: 0,
        retrying: 0,
        failed: 0,
      });
      clock.advance(delays.at(-1) ?? 0);
    }
    expect(delays).toEqual([30_000, 60_000, 120_000]);

    const fourth = await outbox.tick();
    expect(fourth, JSON.stringify(outbox.pending()[0]?.error)).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });
    const [done] = repo.list('delivered');
    expect(done?.attempts).toBe(4);
    expect(server.counts()).toMatchObject({
      Encounter: 1,
      DocumentReference: 1,
      Composition: 1,
      Claim: 1,
      QuestionnaireResponse: 1,
    });
  });

  it('resumes a job after the process died between attempts', async () => {
    store = openTestDatabase();
    const clock = fakeClock();
    const before = server.counts()['DocumentReference'] ?? 0;
    const input = demoSession({ sessionId: 'session-restart' });

    let repo = new OutboxRepository(store.db);
    let outbox = new Outbox({
      repo,
      connector: connectorFor,
      now: clock.now,
      random: () => 0.5,
    });
    enqueueDelivery(repo, 'sandbox', input, clock.now());
    server.faults.failNext(1, 'status-500');
    await outbox.tick();
    // The next attempt is claimed, then the process dies before it ends.
    clock.advance(30_000);
    expect(repo.claimDue(clock.now().toISOString())).toHaveLength(1);
    store.db.close();

    const db = openDatabase({ file: store.file, key: store.key });
    store.db = db;
    repo = new OutboxRepository(db);
    outbox = new Outbox({
      repo,
      connector: connectorFor,
      now: clock.now,
      random: () => 0.5,
    });
    expect(outbox.pending()[0]?.status).toBe('in_flight');
    expect(outbox.recover()).toBe(1);
    expect(await outbox.drain()).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });
    expect(repo.list('delivered')[0]?.attempts).toBe(3);
    expect(server.counts()['DocumentReference']).toBe(before + 1);
  });

  it('stops a job the EHR rejects, with what the EHR said', async () => {
    store = openTestDatabase();
    const clock = fakeClock();
    const repo = new OutboxRepository(store.db);
    const outbox = new Outbox({
      repo,
      connector: connectorFor,
      now: clock.now,
    });
    const input = demoSession({ sessionId: 'session-bad' });
    // A birth date FHIR cannot hold: the server's validation refuses it.
    input.appointment = {
      ...input.appointment,
      client: { ...input.appointment.client, birthDate: '12/04/1988' },
    };
    enqueueDelivery(repo, 'sandbox', input, clock.now());
    const before = server.counts();

    expect(await outbox.tick()).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 1,
    });
    const [failed] = outbox.failed();
    expect(failed?.error?.kind).toBe('ehr_rejected');
    expect(failed?.error?.message).toMatch(/HTTP 400.*Patient/);
    expect(server.counts()).toEqual(before);
    clock.advance(86_400_000);
    expect(await outbox.tick()).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
  });

  it('queues a signed session once however often it is enqueued', () => {
    store = openTestDatabase();
    const repo = new OutboxRepository(store.db);
    const a = enqueueDelivery(repo, 'sandbox', demoSession());
    const b = enqueueDelivery(repo, 'sandbox', demoSession());
    expect(b.id).toBe(a.id);
    expect(repo.list()).toHaveLength(1);
  });
});
