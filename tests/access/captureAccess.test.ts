import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, EventName } from '../../electron/contract/contract';
import type { AppCore } from '../../electron/core/app/appCore';
import { listAudit } from '../../electron/core/audit/audit';
import { FakeAudioSource } from '../../electron/core/capture/fakeAudioSource';
import { ScriptedSegmentStream } from '../../electron/core/capture/scriptedSegmentStream';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import { DEMO_JSON } from '../support/fixtureEngines';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';
const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);
const script = readTranscriptFile(DEMO_JSON).segments;
const silence = (seconds: number) => new Int16Array(seconds * 16_000);

/**
 * Issue #10 with the rules of #12: only the session's clinician records
 * it, watches its live transcript and enters instrument answers; every
 * refusal is `forbidden` and in the audit trail.
 */
describe('live capture and quick entry under the access rules', () => {
  let dir: string;
  let core: AppCore;
  let clock = Date.parse('2026-12-03T15:00:00Z');
  const source = new FakeAudioSource();
  const ids: Record<string, string> = {};
  const pushed: { name: EventName; payload: unknown }[] = [];
  let sessionId = '';

  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });
  const signIn = async (username: string) => {
    await call('auth:logout');
    const reply = await call('auth:login', { username, password: PASSWORD });
    expect(reply.ok).toBe(true);
  };
  const denialsOf = (objectId: string) =>
    listAudit(core.store.db, {}).filter(
      (e) => e.action === 'deny' && e.objectId === objectId,
    );
  const feed = (seconds: number) => {
    for (let s = 0; s < seconds; s++) {
      source.feed('mic', silence(1));
      source.feed('system', silence(1));
    }
  };
  const settle = () => core.capture.transcript()?.settled();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-live-access-'));
    core = await openTestCore(dir, {
      idleMs: 5 * 60_000,
      now: () => clock,
      captureSource: () => source,
      liveStream: () => Promise.resolve(new ScriptedSegmentStream(script)),
    });
    core.events.onAny((name, payload) => pushed.push({ name, payload }));
    await call('auth:setup', {
      username: 'alex',
      displayName: 'Alex Owner',
      password: PASSWORD,
    });
    ids['alex'] = core.auth.user?.id ?? '';
    for (const [username, role] of [
      ['blake', 'clinician'],
      ['ada', 'admin'],
    ] as const) {
      const added = await call('users:add', {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
      expect(added.ok).toBe(true);
    }
    sessionId = core.sessions.createSession({
      ...sample,
      clinician: { ...sample.clinician, id: ids['alex'] },
    }).id;
  });

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses another clinician's capture:start and audits it", async () => {
    await signIn('blake');
    const reply = await call('capture:start', { sessionId, consent: 'verbal' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(core.capture.status().state).toBe('idle');
    expect(denialsOf(sessionId)).toHaveLength(1);
  });

  it('refuses an administrator too (no clinical writes by default)', async () => {
    await signIn('ada');
    const reply = await call('capture:start', { sessionId, consent: 'verbal' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(denialsOf(sessionId)).toHaveLength(2);
  });

  it('lets the clinician record and see segments and risk live', async () => {
    await signIn('alex');
    const started = await call('capture:start', {
      sessionId,
      consent: 'verbal',
    });
    expect(started).toMatchObject({
      ok: true,
      data: { state: 'recording', liveTranscript: 'running' },
    });

    feed(Math.ceil(script.at(-1)?.end ?? 0) + 1);
    await settle();
    const segments = pushed.filter((e) => e.name === 'segment');
    expect(segments).toHaveLength(script.length);
    expect(segments[0]?.payload).toMatchObject({
      sessionId,
      segment: { role: script[0]?.role, text: script[0]?.text },
    });
    expect(pushed.some((e) => e.name === 'risk')).toBe(true);

    const live = await call('capture:live', { sessionId });
    expect(live).toMatchObject({ ok: true });
    const view = (live as { data: { segments: unknown[]; flags: unknown[] } })
      .data;
    expect(view.segments).toHaveLength(script.length);
    expect(view.flags.length).toBeGreaterThan(0);
  });

  it('hides the recording from another clinician and refuses its controls', async () => {
    await signIn('blake');
    const status = await call('capture:status');
    expect(status).toMatchObject({
      ok: true,
      data: { state: 'recording', sessionId: null },
    });
    for (const channel of [
      'capture:pause',
      'capture:stop',
      'capture:live',
    ] as const) {
      const reply = await call(channel, { sessionId });
      expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(denialsOf(sessionId)).toHaveLength(5);
    expect(core.capture.status().state).toBe('recording');
  });

  it('refuses quick entry by another clinician, and audits it', async () => {
    const reply = await call('assessment:record', {
      sessionId,
      instrumentId: 'phq9',
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
    });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(denialsOf(sessionId)).toHaveLength(6);
  });

  it('saves the clinician’s PHQ-9 entry, confirmed, with an item-9 flag', async () => {
    await signIn('alex');
    const reply = await call('assessment:record', {
      sessionId,
      instrumentId: 'phq9',
      answers: [2, 2, 1, 1, 0, 1, 1, 0, 1],
    });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        assessment: { instrumentId: 'phq9', total: 9, severity: 'mild' },
        flags: [{ type: 'phq9_item9' }],
      },
    });
    const rows = core.store.repos.assessments.forSession(sessionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'confirmed',
      confirmedBy: ids['alex'],
      total: 9,
    });
    const flags = core.store.repos.riskFlags.forSession(sessionId);
    expect(flags.map((f) => f.type)).toContain('phq9_item9');
  });

  it('pushes no live transcript while locked; capture:live catches up', async () => {
    const before = pushed.filter((e) => e.name === 'segment').length;
    clock += 5 * 60_000 + 1;
    expect(core.auth.isLocked()).toBe(true);
    // The stream has emitted the whole script; restart on a fresh recording.
    const stop = core.capture.stop(sessionId);
    await stop;
    clock += 1;
    expect((await call('auth:unlock', { password: PASSWORD })).ok).toBe(true);
    await call('capture:start', { sessionId, consent: 'verbal' });
    await call('auth:lock');
    feed(15);
    await settle();
    expect(pushed.filter((e) => e.name === 'segment').length).toBe(before);

    expect((await call('auth:unlock', { password: PASSWORD })).ok).toBe(true);
    const live = await call('capture:live', { sessionId });
    const view = (live as { data: { segments: unknown[] } }).data;
    expect(view.segments.length).toBeGreaterThan(0);
    await call('capture:stop', { sessionId });
  });
});
