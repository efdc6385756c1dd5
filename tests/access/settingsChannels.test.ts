import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, EventMap } from '../../electron/contract/contract';
import type { AppCore } from '../../electron/core/app/appCore';
import { listAudit } from '../../electron/core/audit/audit';
import {
  modelBytes,
  startModelServer,
  type ModelServer,
} from '../support/modelServer';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';
const WHOLE = modelBytes(1_000_000);
const STALLED = modelBytes(600_000);
/** Three 64 KiB writes and a sliver under 1%: the bar must still show it. */
const STALL_AT = 3 * 65_536 + 3_000;

/**
 * Issue #10 Settings over the app core: a model downloaded from a local
 * stand-in for the hub with byte progress, a download cancelled and
 * resumed, retention read live by `settings:get`, and the EHR check.
 */
describe('settings channels', () => {
  let dir: string;
  let models: string;
  let core: AppCore;
  let server: ModelServer;
  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });
  const signIn = async (username: string) => {
    await call('auth:logout');
    const reply = await call('auth:login', { username, password: PASSWORD });
    expect(reply.ok).toBe(true);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-settings-'));
    models = path.join(dir, 'models');
    process.env['HUSHNOTE_MODELS_DIR'] = models;
    server = await startModelServer([
      { name: 'whole.test', bytes: WHOLE },
      { name: 'stalled.test', bytes: STALLED, stallAt: STALL_AT },
    ]);
    core = await openTestCore(dir, {
      ehr: 'sandbox',
    });
    await call('auth:setup', {
      username: 'alex',
      displayName: 'Alex Owner',
      password: PASSWORD,
    });
    const added = await call('users:add', {
      username: 'blake',
      displayName: 'blake',
      role: 'clinician',
      password: PASSWORD,
    });
    expect(added.ok).toBe(true);
  });

  afterAll(async () => {
    await core.close();
    await server.close();
    delete process.env['HUSHNOTE_MODELS_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads a pinned model with byte progress, then lists it installed', async () => {
    await signIn('alex');
    const seen: EventMap['progress'][] = [];
    const off = core.events.onAny((name, payload) => {
      if (name === 'progress') seen.push(payload as EventMap['progress']);
    });
    const reply = await call('models:ensure', { name: 'whole.test' });
    off();

    expect(reply.ok).toBe(true);
    const listed = reply.ok
      ? (reply.data as { name: string; installed: boolean }[])
      : [];
    expect(listed.find((m) => m.name === 'whole.test')?.installed).toBe(true);
    expect(statSync(path.join(models, 'ggml-whole.test.bin')).size).toBe(
      WHOLE.length,
    );
    const mine = seen.filter((e) => e.jobId === 'model:whole.test');
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.at(-1)).toMatchObject({
      fraction: 1,
      receivedBytes: WHOLE.length,
      totalBytes: WHOLE.length,
    });
    const bytes = mine.map((e) => e.receivedBytes ?? 0);
    expect([...bytes].sort((a, b) => a - b)).toEqual(bytes);
  });

  it('cancels a download, keeps the part, and resumes it to a verified model', async () => {
    await signIn('alex');
    const part = path.join(models, 'ggml-stalled.test.bin.part');
    const stalled = new Promise<void>((resolve) => {
      const off = core.events.onAny((name, payload) => {
        const event = payload as EventMap['progress'];
        if (
          name === 'progress' &&
          event.jobId === 'model:stalled.test' &&
          event.receivedBytes === STALL_AT
        ) {
          off();
          resolve();
        }
      });
    });
    const download = call('models:ensure', { name: 'stalled.test' });
    await stalled;

    const again = await call('models:ensure', { name: 'stalled.test' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await call('models:cancel', { name: 'stalled.test' })).toEqual({
      ok: true,
      data: { cancelled: true },
    });
    expect(await download).toMatchObject({
      ok: false,
      error: { kind: 'cancelled' },
    });
    const kept = statSync(part).size;
    expect(kept).toBe(STALL_AT);
    expect(existsSync(path.join(models, 'ggml-stalled.test.bin'))).toBe(false);

    // Nothing runs now; the next download resumes from the kept bytes.
    expect(await call('models:cancel', { name: 'stalled.test' })).toEqual({
      ok: true,
      data: { cancelled: false },
    });
    const resumed = await call('models:ensure', { name: 'stalled.test' });
    expect(resumed.ok).toBe(true);
    expect(server.ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect(statSync(path.join(models, 'ggml-stalled.test.bin')).size).toBe(
      STALLED.length,
    );
    expect(existsSync(part)).toBe(false);
  });

  it('refuses a clinician the cancel channel, audited', async () => {
    await signIn('blake');
    const reply = await call('models:cancel', { name: 'stalled.test' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const denied = listAudit(core.store.db, {}).filter(
      (e) => e.action === 'deny' && e.objectId === 'models:cancel',
    );
    expect(denied).toHaveLength(1);
  });

  it('settings:get reports the retention saved a moment ago', async () => {
    await signIn('alex');
    const saved = await call('settings:retention', {
      transcriptDays: 45,
      audioOnSign: 'keep',
    });
    expect(saved.ok).toBe(true);
    expect(await call('settings:get')).toMatchObject({
      ok: true,
      data: { retentionDays: 45, audioOnSign: 'keep' },
    });
    await call('settings:retention', {
      transcriptDays: 0,
      audioOnSign: 'delete',
    });
    expect(await call('settings:get')).toMatchObject({
      ok: true,
      data: { retentionDays: 0, audioOnSign: 'delete' },
    });
  });

  it('tells the screen who may change settings', async () => {
    await signIn('alex');
    expect(await call('settings:get')).toMatchObject({
      data: { canAdminister: true },
    });
    await signIn('blake');
    expect(await call('settings:get')).toMatchObject({
      data: { canAdminister: false },
    });
  });

  it('checks the sandbox EHR for a clinician, and audits the check', async () => {
    await signIn('blake');
    const reply = await call('ehr:test');
    expect(reply).toMatchObject({
      ok: true,
      data: { connector: 'Sandbox EHR (local)', ok: true, kind: null },
    });
    const checks = listAudit(core.store.db, { objectType: 'connector' });
    expect(checks.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['read', core.auth.user?.id, { check: 'ok' }],
    ]);
  });
});

describe('EHR check against a FHIR server that does not answer', () => {
  it('reports ehr_unreachable instead of failing the call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-ehr-check-'));
    // Port 1 on loopback: nothing listens there, the connection is refused.
    const core = await openTestCore(dir, {
      ehr: 'http://127.0.0.1:1/fhir',
    });
    try {
      const call = (channel: Channel, request: unknown = {}) =>
        core.registry.dispatch(channel, request, { origin: 'bridge' });
      await call('auth:setup', {
        username: 'alex',
        displayName: 'Alex Owner',
        password: PASSWORD,
      });
      expect(await call('ehr:test')).toMatchObject({
        ok: true,
        data: { connector: 'EHR', ok: false, kind: 'ehr_unreachable' },
      });
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
