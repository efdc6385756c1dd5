import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../electron/core/domain/transcript';
import { log } from '../../electron/core/log/logger';
import { whisperModelPath } from '../../electron/core/models/fixtures';
import {
  decodeAudio,
  SAMPLE_RATE,
  type DecodedAudio,
} from '../../electron/core/speech/decode';
import type { SttEngine } from '../../electron/core/speech/sttEngine';
import {
  transcribeAudio,
  transcribeRecording,
} from '../../electron/core/speech/transcribeRecording';
import { corpusWordErrorRate } from '../../electron/core/speech/wer';
import { createWhisperEngine } from '../../electron/core/speech/whisperEngine';
import {
  clientWordsInClinician,
  loadSession,
  type Utterance,
} from './sessionReference';

/**
 * Client bleed with the real Whisper model that `npm run fixtures`
 * provisions (tiny.en). mi-session-short carries the client into the mic at
 * -24 dB (laptop speakers). One engine is shared: loading costs more than a
 * short clip. Missing model is a failure, not a skip.
 */
const model = whisperModelPath();
const THREADS = 2;
const RATE = SAMPLE_RATE;
let engine: SttEngine;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-whisper-'));
  engine = await createWhisperEngine({ modelPath: model, threads: THREADS });
});
afterAll(async () => {
  await engine.release();
});

const session = loadSession('mi-session-short');

function werOf(
  utterances: readonly Utterance[],
  segments: readonly Segment[],
  role: 'clinician' | 'client',
): number {
  const text = (parts: { role: string; text: string }[]) =>
    parts
      .filter((p) => p.role === role)
      .map((p) => p.text)
      .join(' ');
  return corpusWordErrorRate([
    { reference: text([...utterances]), hypothesis: text([...segments]) },
  ]).wer;
}

function utterance(text: string): Utterance {
  const found = session.utterances.find((u) => u.text === text);
  if (!found) throw new Error(`no utterance '${text}' in the fixture`);
  return found;
}

describe('client bleed with the real Whisper model', () => {
  it('reports WER per role on mi-session-short and keeps client bleed out of the clinician', async () => {
    const t = await transcribeRecording(session.audio, {
      engine,
      channels: ['mic', 'system'],
    });

    const leaked = clientWordsInClinician(session.utterances, t.segments);
    const report = {
      clinicianWer: werOf(session.utterances, t.segments, 'clinician'),
      clientWer: werOf(session.utterances, t.segments, 'client'),
      leaked,
    };
    log().info('test.stt_wer', report);
    writeFileSync(path.join(dir, 'wer.json'), JSON.stringify(report));
    process.stderr.write(`mi-session-short: ${JSON.stringify(report)}\n`);

    expect(leaked).toBeLessThan(0.05);
    // espeak voices through tiny.en: loose bounds that still catch a broken pipeline.
    expect(report.clinicianWer).toBeLessThan(0.6);
    expect(report.clientWer).toBeLessThan(0.6);
  });

  it('keeps a clinician who talks over the client', async () => {
    // Crosstalk made from the fixture itself: a clinician sentence from the
    // mic channel is mixed over a client utterance (which already bleeds
    // into the mic at -24 dB), in a 7 s cut around that utterance.
    const audio = await decodeAudio(session.audio);
    const [mic, system] = audio.channels;
    if (!mic || !system) throw new Error('the fixture is stereo');
    const spoken = utterance(
      'That must be frustrating if you used to feel more fit.',
    );
    const over = utterance('but always nice to feel good about it');
    const from = 63.8;
    const to = 70.8;
    const at = over.start + 0.1;

    const cutMic = mic.slice(from * RATE, to * RATE);
    const own = mic.subarray(spoken.start * RATE, spoken.end * RATE);
    const offset = Math.round((at - from) * RATE);
    for (let i = 0; i < own.length && offset + i < cutMic.length; i++)
      cutMic[offset + i] = (cutMic[offset + i] ?? 0) + (own[i] ?? 0);
    const cut: DecodedAudio = {
      sampleRate: RATE,
      channels: [cutMic, system.slice(from * RATE, to * RATE)],
      durationSec: to - from,
    };
    const shifted = (u: Utterance, start: number): Utterance => ({
      ...u,
      start: start - from,
      end: start - from + (u.end - u.start),
    });
    const reference = [
      shifted(utterance('not an absolute priority'), 64.404),
      shifted(over, over.start),
      shifted(spoken, at),
    ];

    const t = await transcribeAudio(cut, {
      engine,
      channels: ['mic', 'system'],
    });
    const clinicianWer = werOf(reference, t.segments, 'clinician');
    const leaked = clientWordsInClinician(reference, t.segments);
    process.stderr.write(
      `crosstalk: ${JSON.stringify({ clinicianWer, leaked })}\n`,
    );

    expect(clinicianWer).toBeLessThan(0.5);
    expect(leaked).toBeLessThan(0.1);
  });
});

describe('clientWordsInClinician', () => {
  it('counts client utterances copied into clinician segments', () => {
    const echoed: Segment[] = session.utterances
      .filter((u) => u.role === 'client')
      .map((u, i) => ({
        id: `echo-${i}`,
        start: u.start,
        end: u.end,
        role: 'clinician',
        channel: 0,
        text: u.text,
        confidence: 1,
      }));
    expect(clientWordsInClinician(session.utterances, echoed)).toBeGreaterThan(
      0.9,
    );
  });
});
