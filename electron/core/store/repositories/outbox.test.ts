import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testDb';
import { OutboxRepository } from './outbox';

describe('OutboxRepository', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  const T0 = '2026-12-01T10:00:00.000Z';
  const T1 = '2026-12-01T10:05:00.000Z';

  it('enqueues idempotently by key', () => {
    t = openTestDatabase();
    const outbox = new OutboxRepository(t.db);
    const a = outbox.enqueue({
      connectorId: 'ehr',
      idempotencyKey: 'note-1:v2',
      payload: { n: 1 },
      at: T0,
    });
    const b = outbox.enqueue({
      connectorId: 'ehr',
      idempotencyKey: 'note-1:v2',
      payload: { n: 2 },
      at: T1,
    });
    expect(b.id).toBe(a.id);
    expect(b.payload).toEqual({ n: 1 });
    expect(outbox.list()).toHaveLength(1);
  });

  it('claims due items once, retries later, delivers or fails', () => {
    t = openTestDatabase();
    const outbox = new OutboxRepository(t.db);
    const item = outbox.enqueue({
      connectorId: 'ehr',
      idempotencyKey: 'k1',
      payload: {},
      at: T0,
    });
    outbox.enqueue({
      connectorId: 'x12',
      idempotencyKey: 'k2',
      payload: {},
      at: T1,
    });

    expect(outbox.claimDue(T0).map((i) => i.id)).toEqual([item.id]);
    expect(outbox.claimDue(T0)).toEqual([]);
    expect(outbox.get(item.id)).toMatchObject({
      status: 'in_flight',
      attempts: 1,
    });

    outbox.markRetry(item.id, T1, 'ehr_unreachable', T0);
    expect(outbox.claimDue(T0)).toEqual([]);
    const again = outbox.claimDue(T1, { connectorId: 'ehr' });
    expect(again.map((i) => [i.id, i.attempts, i.lastError])).toEqual([
      [item.id, 2, 'ehr_unreachable'],
    ]);

    expect(outbox.markDelivered(item.id, T1)).toMatchObject({
      status: 'delivered',
      deliveredAt: T1,
      lastError: null,
    });
    const other = outbox.claimDue(T1)[0]!;
    expect(outbox.markFailed(other.id, 'ehr_rejected')).toMatchObject({
      status: 'failed',
      lastError: 'ehr_rejected',
    });
    expect(outbox.list('failed').map((i) => i.id)).toEqual([other.id]);
    expect(() => outbox.markDelivered('missing')).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
  });

  it('returns items left in flight by a crash to pending', () => {
    t = openTestDatabase();
    const outbox = new OutboxRepository(t.db);
    outbox.enqueue({
      connectorId: 'ehr',
      idempotencyKey: 'k1',
      payload: {},
      at: T0,
    });
    outbox.claimDue(T0);
    expect(outbox.releaseInFlight()).toBe(1);
    expect(outbox.list('pending')).toHaveLength(1);
  });
});
