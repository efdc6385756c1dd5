import { describe, expect, it } from 'vitest';
import { LiveTranscript } from '../../electron/core/capture/liveTranscript';
import { openLiveStream } from '../../electron/core/capture/liveStream';
import type { Segment } from '../../electron/core/domain/transcript';
import { decodeAudio } from '../../electron/core/speech/decode';
import { DEMO_FLAC } from '../support/fixtureEngines';

const SECONDS = 45;
const CHUNK = 8000;

function toPcm(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++)
    pcm[i] = Math.max(-32768, Math.min(32767, (samples[i] ?? 0) * 32767));
  return pcm;
}

/**
 * The real streaming pipeline behind live capture (Silero VAD, tiny.en
 * Whisper) on the demo's first 45 seconds, fed in half-second chunks as
 * capture delivers them: segments arrive while audio is still coming,
 * each channel in its role.
 */
describe('live transcript on real models', () => {
  it('finalizes segments with both roles while audio streams in', async () => {
    const audio = await decodeAudio(DEMO_FLAC);
    const [mic, system] = audio.channels.map((c) =>
      toPcm(c.subarray(0, SECONDS * 16_000)),
    );
    expect(mic && system).toBeTruthy();

    const stream = await openLiveStream({ threads: 2 });
    const seen: Segment[] = [];
    const live = new LiveTranscript('s1', stream, {
      segment: (s) => seen.push(s),
      risk: () => undefined,
    });
    let seenMidway = 0;
    for (let i = 0; i < (mic?.length ?? 0); i += CHUNK) {
      live.push('mic', mic?.subarray(i, i + CHUNK) ?? new Int16Array());
      live.push('system', system?.subarray(i, i + CHUNK) ?? new Int16Array());
      await live.settled();
      // The first utterance ends at 11 s: by 20 s it is final, mid-stream.
      if (i + CHUNK === 20 * 16_000) {
        await stream.drain();
        seenMidway = seen.length;
      }
    }
    await live.settled();
    await stream.drain();
    live.stop();
    await live.settled();

    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen.map((s) => s.role))).toEqual(
      new Set(['clinician', 'client']),
    );
    expect(seen.find((s) => s.role === 'clinician')?.text).toMatch(
      /thanks|video call|note/i,
    );
    // Segments arrived before the whole stretch had been pushed.
    expect(seenMidway).toBeGreaterThan(0);
    expect(seenMidway).toBeLessThan(seen.length);
  });
});
