import { whisperModelPath } from '../../electron/core/models/fixtures';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcribeRecording } from '../../electron/core/speech/transcribeRecording';
import { createWhisperEngine } from '../../electron/core/speech/whisperEngine';
import type { SttEngine } from '../../electron/core/speech/sttEngine';
import { FIXTURES } from './sessionReference';

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

describe('speech pipeline with the real Whisper model', () => {
  it('gives the left speaker as clinician and the right as client', async () => {
    const file = path.join(FIXTURES, 'audio', 'stereo_diarization.wav');
    const t = await transcribeRecording(file, {
      engine,
      channels: ['mic', 'system'],
    });
    const text = (role: string) =>
      t.segments
        .filter((s) => s.role === role)
        .map((s) => s.text)
        .join(' ');
    expect(text('clinician')).toMatch(/wizard/i);
    expect(text('clinician')).not.toMatch(/horizon/i);
    expect(text('client')).toMatch(/horizon/i);
    expect(text('client')).not.toMatch(/wizard/i);
  });

  it('transcribes jfk and emits nothing over the minute of silence and the low noise after it', async () => {
    const file = path.join(dir, 'jfk-silence-noise.wav');
    const jfk = path.join(FIXTURES, 'audio', 'jfk.wav');
    const ok = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      jfk,
      '-f',
      'lavfi',
      '-t',
      '60',
      '-i',
      'anullsrc=r=16000:cl=mono',
      '-f',
      'lavfi',
      '-t',
      '30',
      '-i',
      'anoisesrc=r=16000:a=0.003:c=pink:s=7',
      '-filter_complex',
      '[0:a][1:a][2:a]concat=n=3:v=0:a=1',
      '-ar',
      '16000',
      '-ac',
      '1',
      file,
    ]);
    expect(ok.status).toBe(0);

    const t = await transcribeRecording(file, { engine });
    expect(t.durationSec).toBeGreaterThan(100);
    expect(t.segments.map((s) => s.text).join(' ')).toMatch(
      /ask not what your country/i,
    );
    expect(t.segments.filter((s) => s.end > 11.5)).toEqual([]);
    expect(t.failedRegions.filter((f) => f.start > 11.5)).toEqual([]);
  });

  it('reports the silent channel of a stereo file with one dead channel', async () => {
    const file = path.join(dir, 'jfk-dead-right.wav');
    const jfk = path.join(FIXTURES, 'audio', 'jfk.wav');
    const ok = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      jfk,
      '-f',
      'lavfi',
      '-t',
      '11',
      '-i',
      'anullsrc=r=16000:cl=mono',
      '-filter_complex',
      '[0:a][1:a]amerge=inputs=2',
      file,
    ]);
    expect(ok.status).toBe(0);
    const t = await transcribeRecording(file, {
      engine,
      channels: ['mic', 'system'],
    });
    expect(t.silentChannels).toEqual([1]);
    expect(t.segments.every((s) => s.role === 'clinician')).toBe(true);
  });

  it('refuses Spanish on an English-only model instead of translating', async () => {
    const file = path.join(FIXTURES, 'audio', 'jfk.wav');
    await expect(
      transcribeRecording(file, { engine, language: 'es' }),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('gives model_corrupt, not a crash, for a truncated copy of the real model', async () => {
    const cut = path.join(dir, 'ggml-cut.bin');
    copyFileSync(model, cut);
    writeFileSync(cut, readFileSync(cut).subarray(0, 40_000_000));
    await expect(
      createWhisperEngine({ modelPath: cut, threads: 1 }),
    ).rejects.toMatchObject({ kind: 'model_corrupt' });
  });
});
