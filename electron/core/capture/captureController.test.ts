import { WaveFile } from 'wavefile';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../contract/captureContract';
import { EventBus } from '../app/events';
import { CaptureController } from './captureController';
import { memorySink } from './captureSink';
import { FakeAudioSource } from './fakeAudioSource';

function tone(amplitude: number, frames = 1600): Int16Array {
  return Int16Array.from({ length: frames }, (_, i) =>
    Math.round(amplitude * 32767 * Math.sin(i / 3)),
  );
}

function setup(consentRequired = true) {
  let clock = 0;
  const source = new FakeAudioSource();
  const events = new EventBus();
  const pushed: CaptureStatus[] = [];
  events.onAny(
    (name, payload) =>
      name === 'capture' && pushed.push(payload as CaptureStatus),
  );
  const saved: Buffer[] = [];
  const consents: string[] = [];
  const controller = new CaptureController({
    source: () => source,
    sink: () => memorySink(),
    events,
    consentRequired,
    recordConsent: (_id, means) => consents.push(means),
    onSaved: (_id, recording) => {
      saved.push(recording.bytes);
      return 'job-1';
    },
    now: () => clock,
    statusEveryMs: 60_000,
  });
  const advance = (ms: number) => (clock += ms);
  return { controller, source, pushed, saved, consents, advance };
}

let active: CaptureController | undefined;
afterEach(async () => {
  if (active?.status().state === 'recording')
    await active.stop(active.status().sessionId ?? '');
});

describe('capture controller', () => {
  it('refuses to start without a consent record, and records it when given', async () => {
    const { controller, consents } = setup();
    await expect(controller.start('s1', undefined)).rejects.toThrow(/consent/);
    expect(controller.status().state).toBe('idle');

    active = controller;
    await controller.start('s1', 'verbal');
    expect(consents).toEqual(['verbal']);
    expect(controller.status()).toMatchObject({
      state: 'recording',
      consent: 'verbal',
    });
  });

  it('starts without consent when the practice turned the step off', async () => {
    const { controller } = setup(false);
    active = controller;
    await controller.start('s1', undefined);
    expect(controller.status().state).toBe('recording');
  });

  it('meters both channels and alerts within 10 s when the microphone is silent', async () => {
    const { controller, source, advance } = setup();
    active = controller;
    await controller.start('s1', 'written');
    let alertAt: number | null = null;
    for (let ms = 0; ms <= 12_000; ms += 100) {
      advance(100);
      source.feed('system', tone(0.2));
      source.feed('mic', new Int16Array(1600));
      if (alertAt === null && controller.status().silent === 'mic')
        alertAt = ms;
    }
    expect(alertAt).not.toBeNull();
    expect(alertAt).toBeLessThanOrEqual(10_000);
    expect(controller.status().levels.system).toBeGreaterThan(0.5);
    expect(controller.status().levels.mic).toBe(0);
  });

  it('keeps the two channels apart in the saved recording: microphone left, system right', async () => {
    const { controller, source, saved } = setup();
    await controller.start('s1', 'verbal');
    for (let i = 0; i < 10; i++) {
      source.feed('mic', tone(0.3));
      source.feed('system', new Int16Array(1600));
    }
    controller.pause('s1');
    source.feed('mic', tone(0.9));
    source.feed('system', tone(0.9));
    controller.resume('s1');
    const result = await controller.stop('s1');

    expect(result).toMatchObject({ state: 'saved', jobId: 'job-1' });
    expect(result.elapsedSec).toBeCloseTo(1, 5);
    const wav = new WaveFile(saved[0]);
    const [left, right] = wav.getSamples(false, Int16Array) as unknown as [
      Int16Array,
      Int16Array,
    ];
    expect(left.length).toBe(16_000);
    expect(Math.max(...left)).toBeGreaterThan(9000);
    expect(Math.max(...right)).toBe(0);
  });

  it('goes on recording through a device change and says so', async () => {
    const { controller, source, pushed } = setup();
    active = controller;
    await controller.start('s1', 'portal');
    source.emit('device', { channel: 'mic', detail: 'headset' });
    expect(pushed.at(-1)?.degraded).toBe('device_changed');
    expect(controller.status().state).toBe('recording');
  });

  it('fails to start with plain words when the source cannot start', async () => {
    const { controller, source } = setup();
    source.failWith = new Error('no server');
    await expect(controller.start('s1', 'verbal')).rejects.toMatchObject({
      kind: 'capture_failed',
    });
    expect(controller.status().state).toBe('failed');
  });
});
