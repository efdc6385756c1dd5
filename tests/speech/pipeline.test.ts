import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../electron/core/domain/transcript';
import { decodeAudio } from '../../electron/core/speech/decode';
import {
  FakeSttEngine,
  type FakeUtterance,
} from '../../electron/core/speech/fakeSttEngine';
import { LiveTranscriber } from '../../electron/core/speech/liveTranscriber';
import { transcribeRecording } from '../../electron/core/speech/transcribeRecording';
import { SileroVad } from '../../electron/core/speech/vad';
import {
  clientWordsInClinician,
  FIXTURES,
  loadSession,
} from './sessionReference';

const session = loadSession('mi-session-short');

/**
 * What each channel "hears": the clinician on the mic; the client on the
 * system channel and, through the speakers, on the mic too.
 */
const script: FakeUtterance[] = session.utterances.flatMap((u) => {
  const own = {
    channel: u.role === 'clinician' ? 0 : 1,
    start: u.start,
    end: u.end,
    text: u.text,
  };
  return u.role === 'client' ? [own, { ...own, channel: 0 }] : [own];
});

describe('transcribeRecording with a scripted recognizer', () => {
  it('gives roles from channels and keeps client bleed out of the clinician', async () => {
    const engine = new FakeSttEngine(script);
    const transcript = await transcribeRecording(session.audio, {
      engine,
      channels: ['mic', 'system'],
    });

    const clinician = transcript.segments.filter((s) => s.role === 'clinician');
    const client = transcript.segments.filter((s) => s.role === 'client');
    expect(client.length).toBe(
      session.utterances.filter((u) => u.role === 'client').length,
    );
    expect(clinician.length).toBeGreaterThanOrEqual(
      session.utterances.filter((u) => u.role === 'clinician').length * 0.9,
    );
    expect(
      clientWordsInClinician(session.utterances, transcript.segments),
    ).toBeLessThan(0.05);
    expect(transcript.silentChannels).toEqual([]);
    expect(transcript.durationSec).toBeCloseTo(142.1, 0);
  });

  it('gives monotonic, absolute times and unique ids', async () => {
    const transcript = await transcribeRecording(session.audio, {
      engine: new FakeSttEngine(script),
    });
    const starts = transcript.segments.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(transcript.segments.map((s) => s.id)).size).toBe(
      transcript.segments.length,
    );
    const last = session.utterances.at(-1)!;
    const found = transcript.segments.find((s) => s.text === last.text);
    expect(found?.start).toBeGreaterThan(last.start - 1);
    expect(found?.end).toBeLessThan(last.end + 1);
  });

  it('follows a swapped channel mapping', async () => {
    const transcript = await transcribeRecording(session.audio, {
      engine: new FakeSttEngine(script),
      channels: ['system', 'mic'],
    });
    const ch0 = new Set(
      transcript.segments.filter((s) => s.channel === 0).map((s) => s.role),
    );
    expect([...ch0]).toEqual(['client']);
  });

  it('gives mono audio the role unknown', async () => {
    const jfk = path.join(FIXTURES, 'audio', 'jfk.wav');
    const engine = new FakeSttEngine([
      { channel: 0, start: 0, end: 11, text: 'ask not' },
    ]);
    const transcript = await transcribeRecording(jfk, { engine });
    expect(transcript.segments.map((s) => s.role)).toEqual(['unknown']);
    expect(transcript.silentChannels).toEqual([]);
  });

  it('stops with cancelled when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      transcribeRecording(session.audio, {
        engine: new FakeSttEngine(script),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('LiveTranscriber', () => {
  it('emits segments while audio is still arriving, and ends with the full transcript', async () => {
    const audio = await decodeAudio(session.audio);
    const vad = await SileroVad.load();
    const live = new LiveTranscriber({
      engine: new FakeSttEngine(script),
      vad,
      roles: ['clinician', 'client'],
    });
    const seen: { segment: Segment; pushedSec: number }[] = [];
    let pushedSec = 0;
    live.on('segment', (segment) => seen.push({ segment, pushedSec }));

    const chunk = 16000 / 5; // 200 ms, as a capture callback would deliver
    for (let from = 0; from < audio.channels[0]!.length; from += chunk) {
      await live.push(0, audio.channels[0]!.subarray(from, from + chunk));
      await live.push(1, audio.channels[1]!.subarray(from, from + chunk));
      pushedSec = (from + chunk) / 16000;
      if (from % (chunk * 25) === 0) await live.drain();
    }
    const transcript = await live.end();
    await vad.release();

    const early = seen.filter((s) => s.segment.end < 60 && s.pushedSec < 70);
    expect(early.length).toBeGreaterThan(5);
    for (const s of seen)
      expect(s.pushedSec).toBeGreaterThanOrEqual(s.segment.end);
    expect(transcript.segments).toHaveLength(seen.length);
    expect(
      clientWordsInClinician(session.utterances, transcript.segments),
    ).toBeLessThan(0.05);
  });
});
