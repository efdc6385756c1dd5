import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/contract/contract';
import type { AppCore } from '../../electron/core/app/appCore';
import { FakeAudioSource } from '../../electron/core/capture/fakeAudioSource';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';
const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

/** Seconds of tone as 16 kHz PCM, so the spool has real audio to keep. */
function tone(seconds: number, hz: number): Int16Array {
  const pcm = new Int16Array(seconds * 16000);
  for (let i = 0; i < pcm.length; i++)
    pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 16000));
  return pcm;
}

/** Issue #12: the idle lock hides PHI but never stops a recording. */
describe('idle lock during a live capture', () => {
  let dir: string;
  let core: AppCore;
  let clock = Date.parse('2026-12-03T15:00:00Z');
  const source = new FakeAudioSource();
  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-lock-'));
    core = await openTestCore(dir, {
      idleMs: 60_000,
      now: () => clock,
      captureSource: () => source,
    });
    await call('auth:setup', {
      username: 'alex',
      displayName: 'Alex',
      password: PASSWORD,
    });
  });

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const chunkCount = () => {
    const spools = readdirSync(core.store.spoolRoot);
    return spools.reduce(
      (n, id) =>
        n +
        readdirSync(path.join(core.store.spoolRoot, id)).filter((f) =>
          f.endsWith('.chunk'),
        ).length,
      0,
    );
  };

  it('keeps spooling while PHI channels answer locked', async () => {
    const user = core.auth.user!;
    const session = core.sessions.createSession({
      ...sample,
      clinician: { ...sample.clinician, id: user.id },
    });
    const started = await call('capture:start', {
      sessionId: session.id,
      consent: 'verbal',
    });
    expect(started).toMatchObject({ ok: true, data: { state: 'recording' } });

    source.feed('mic', tone(5, 220));
    source.feed('system', tone(5, 330));
    const before = chunkCount();
    expect(before).toBeGreaterThan(0);

    clock += 60_001;
    expect(await call('session:get', { sessionId: session.id })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    expect(await call('session:list')).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });

    source.feed('mic', tone(10, 220));
    source.feed('system', tone(10, 330));
    expect(chunkCount()).toBeGreaterThan(before);
    expect(core.capture.status()).toMatchObject({
      state: 'recording',
      sessionId: session.id,
    });

    expect((await call('auth:unlock', { password: PASSWORD })).ok).toBe(true);
    expect((await call('session:get', { sessionId: session.id })).ok).toBe(
      true,
    );
  });
});
