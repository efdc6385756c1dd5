import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract/errors';
import { decodeAudio } from '../../electron/core/speech/decode';

const FIXTURES = path.resolve('../shared/fixtures');
const JFK = path.join(FIXTURES, 'audio', 'jfk.wav');
const SESSION = path.join(FIXTURES, 'sessions', 'mi-session-short.flac');
let dir: string;

function ffmpeg(...args: string[]): void {
  const result = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args]);
  if (result.status !== 0)
    throw new Error(`ffmpeg failed: ${result.stderr.toString()}`);
}

async function kindOf(file: string): Promise<string> {
  try {
    await decodeAudio(file);
    return 'decoded';
  } catch (error) {
    return error instanceof AppError ? error.kind : 'other';
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-decode-'));
});

describe('decodeAudio', () => {
  it('decodes mono WAV to 16 kHz float32', async () => {
    const audio = await decodeAudio(JFK);
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels).toHaveLength(1);
    expect(audio.durationSec).toBeCloseTo(11, 0);
    expect(
      Math.max(...audio.channels[0]!.subarray(0, 80000)),
    ).toBeLessThanOrEqual(1);
  });

  it('keeps both channels of a stereo FLAC apart', async () => {
    const audio = await decodeAudio(SESSION);
    expect(audio.channels).toHaveLength(2);
    expect(audio.durationSec).toBeCloseTo(142.1, 0);
    expect(audio.channels[0]).not.toEqual(audio.channels[1]);
  });

  it.each([
    ['mp3', ['-c:a', 'libmp3lame']],
    ['m4a', ['-c:a', 'aac']],
    ['ogg', ['-c:a', 'libopus']],
    ['webm', ['-c:a', 'libopus']],
  ])('decodes %s exports and resamples them', async (ext, codec) => {
    const file = path.join(dir, `jfk.${ext}`);
    ffmpeg('-i', JFK, '-ar', '48000', ...codec, file);
    const audio = await decodeAudio(file);
    expect(audio.channels).toHaveLength(1);
    expect(audio.durationSec).toBeGreaterThan(10.5);
    expect(audio.durationSec).toBeLessThan(11.5);
  });

  it('reports a truncated FLAC as unreadable, with the decoded share', async () => {
    const file = path.join(dir, 'cut.flac');
    writeFileSync(file, readFileSync(SESSION).subarray(0, 60_000));
    await expect(decodeAudio(file)).rejects.toMatchObject({
      kind: 'audio_unreadable',
    });
    await expect(decodeAudio(file)).rejects.toThrow(
      /damaged or truncated: only \d/,
    );
  });

  it('reports a text file renamed .wav as unreadable', async () => {
    const file = path.join(dir, 'notes.wav');
    writeFileSync(file, 'Session notes, not audio.\n');
    expect(await kindOf(file)).toBe('audio_unreadable');
  });

  it('reports empty files and zero-sample audio as empty', async () => {
    const empty = path.join(dir, 'empty.wav');
    writeFileSync(empty, '');
    expect(await kindOf(empty)).toBe('audio_empty');

    const zero = path.join(dir, 'zero.wav');
    ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '0', zero);
    expect(await kindOf(zero)).toBe('audio_empty');
  });

  it('reports a missing file and a path starting with a dash safely', async () => {
    expect(await kindOf(path.join(dir, 'absent.wav'))).toBe('audio_unreadable');
    expect(await kindOf('-i')).toBe('audio_unreadable');
  });
});
