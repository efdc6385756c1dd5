import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WaveFile } from 'wavefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../electron/contract/captureContract';
import { EventBus } from '../../electron/core/app/events';
import { CaptureController } from '../../electron/core/capture/captureController';
import { memorySink } from '../../electron/core/capture/captureSink';
import { PulseAudioSource } from '../../electron/core/capture/pulseAudioSource';
import { whisperModelPath } from '../../electron/core/models/fixtures';
import { rolesFor } from '../../electron/core/speech/roles';
import { createWhisperEngine } from '../../electron/core/speech/whisperEngine';
import { wordErrorRate } from '../../electron/core/speech/wer';
import { startPulseServer, type PulseServer } from './pulseServer';

// Linux system-audio capture for real (issue #10): a private PulseAudio
// server, a null sink as the speakers a video tool plays into, a virtual
// microphone fed from another process, and Hushnote's PulseAudioSource
// capturing both through the capture controller. Then Whisper transcribes
// each saved channel, and each transcript must land in its role.
const FIXTURES = path.resolve('../shared/fixtures/audio');
const CLIENT_FIRST = path.join(FIXTURES, 'jfk.wav');
const CLIENT_AFTER_SWITCH = path.join(
  FIXTURES,
  'librivox/sense_and_sensibility_01_austen_64kb-0870.wav',
);
const CLINICIAN = path.join(
  FIXTURES,
  'librivox/sense_and_sensibility_01_austen_64kb-0890.wav',
);

const JFK =
  'and so my fellow americans ask not what your country can do for you ask what you can do for your country';
const AUSTEN_0870 =
  'and mister john dashwood had then leisure to consider how much there might be prudently in his power to do for them';
const AUSTEN_0890 =
  'unless to be rather cold hearted and rather selfish is to be ill disposed';

let pulse: PulseServer;

beforeAll(async () => {
  pulse = await startPulseServer();
  await pulse.pactl('load-module', 'module-null-sink', 'sink_name=speakers');
  await pulse.pactl('load-module', 'module-null-sink', 'sink_name=headset');
  await pulse.pactl('load-module', 'module-null-sink', 'sink_name=mic_feed');
  await pulse.pactl(
    'load-module',
    'module-remap-source',
    'master=mic_feed.monitor',
    'source_name=virtual_mic',
  );
  await pulse.pactl('set-default-sink', 'speakers');
  await pulse.pactl('set-default-source', 'virtual_mic');
});

afterAll(async () => {
  await pulse.close();
});

interface Captured {
  wav: Buffer;
  statuses: CaptureStatus[];
  /** Recorded seconds when the output moved to the headset. */
  switchAt: number;
}

async function captureSession(): Promise<Captured> {
  const events = new EventBus();
  const statuses: CaptureStatus[] = [];
  events.onAny(
    (name, payload) =>
      name === 'capture' && statuses.push(payload as CaptureStatus),
  );
  let wav: Buffer = Buffer.alloc(0);
  const controller = new CaptureController({
    source: () => new PulseAudioSource({ env: pulse.env }),
    sink: () => memorySink(),
    events,
    consentRequired: true,
    recordConsent: () => undefined,
    onSaved: (_id, recording) => {
      wav = recording.bytes;
      return null;
    },
    statusEveryMs: 250,
  });

  await controller.start('capture-test', 'verbal');
  await new Promise((r) => setTimeout(r, 500));
  // The client speaks through the video tool while the clinician speaks
  // into the microphone; midway the output moves to a headset.
  const clinician = pulse.play(CLINICIAN, 'mic_feed');
  await pulse.play(CLIENT_FIRST, 'speakers');
  const switchAt = controller.status().elapsedSec;
  await pulse.pactl('set-default-sink', 'headset');
  await new Promise((r) => setTimeout(r, 1000));
  await pulse.play(CLIENT_AFTER_SWITCH, 'headset');
  await clinician;
  await new Promise((r) => setTimeout(r, 500));
  await controller.stop('capture-test');
  return { wav, statuses, switchAt };
}

function channels(wav: Buffer): Float32Array[] {
  const file = new WaveFile(wav);
  const [left, right] = file.getSamples(
    false,
    Float64Array,
  ) as unknown as Float64Array[];
  return [left, right].map((c) => Float32Array.from(c ?? [], (s) => s / 32768));
}

describe('Linux system-audio capture through PulseAudio', () => {
  it('records the call and the microphone as separate channels in the right roles', async () => {
    const { wav, statuses, switchAt } = await captureSession();
    if (process.env['HUSHNOTE_CAPTURE_DUMP'])
      writeFileSync(process.env['HUSHNOTE_CAPTURE_DUMP'], wav);
    expect(
      statuses.some((s) => s.state === 'recording' && s.levels.system > 0.3),
    ).toBe(true);
    expect(statuses.some((s) => s.degraded === 'device_changed')).toBe(true);

    const [mic, system] = channels(wav);
    expect(mic && system).toBeTruthy();
    const roles = rolesFor(2, ['mic', 'system']);
    expect(roles).toEqual(['clinician', 'client']);

    const engine = await createWhisperEngine({
      modelPath: whisperModelPath(),
      threads: 2,
    });
    try {
      const text = async (samples: Float32Array, channel: number) => {
        const duration = samples.length / 16_000;
        const segments = await engine.transcribe({
          samples,
          offsetSec: 0,
          spans: [{ at: 0, start: 0, end: duration }],
          channel,
          language: 'en',
        });
        return segments.map((s) => s.text).join(' ');
      };
      const clinicianText = await text(mic ?? new Float32Array(), 0);
      const cut = Math.round(switchAt * 16_000);
      const clientBefore = await text(
        system?.subarray(0, cut) ?? new Float32Array(),
        1,
      );
      const clientAfter = await text(
        system?.subarray(cut) ?? new Float32Array(),
        1,
      );
      const clientText = `${clientBefore} ${clientAfter}`;

      // The clinician's channel holds the clinician's words only, and the
      // client's channel both of the client's clips, across the device change.
      expect(
        wordErrorRate(AUSTEN_0890, clinicianText).wer,
        clinicianText,
      ).toBeLessThan(0.35);
      expect(wordErrorRate(JFK, clientBefore).wer, clientBefore).toBeLessThan(
        0.35,
      );
      expect(
        wordErrorRate(AUSTEN_0870, clientAfter).wer,
        clientAfter,
      ).toBeLessThan(0.35);
      expect(clinicianText.toLowerCase()).not.toMatch(/americans|dashwood/);
      expect(clientText.toLowerCase()).not.toMatch(/selfish/);
    } finally {
      await engine.release();
    }
  });
});
