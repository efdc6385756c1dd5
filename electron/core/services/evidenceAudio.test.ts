import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { destroySpoolKey } from '../spool/spoolKeys';
import { createRepositories } from '../store/repositories/index';
import {
  openTestDatabase,
  seedSession,
  type TestDatabase,
} from '../store/testDb';
import { evidenceClip, MAX_CLIP_SEC } from './evidenceAudio';
import { spoolDecodedAudio } from './spoolAudio';
import type { StoreHandle } from './storeHandle';

const RATE = 16000;

/**
 * Ten seconds of stereo: the clinician (left) speaks a tone from 2 s to
 * 3 s, the client (right) from 6.5 s to 7 s; silence elsewhere. Chunks are
 * four seconds, so a range inside the third chunk skips the first two.
 */
function session(): Float32Array[] {
  const left = new Float32Array(10 * RATE);
  const right = new Float32Array(10 * RATE);
  for (let i = 2 * RATE; i < 3 * RATE; i++) left[i] = 0.5;
  for (let i = 6.5 * RATE; i < 7 * RATE; i++) right[i] = -0.5;
  return [left, right];
}

/** The WAV's samples as -1..1, after checking its header says mono 16-bit. */
function samplesOf(wav: Buffer): number[] {
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
  expect(wav.readUInt16LE(22)).toBe(1);
  expect(wav.readUInt32LE(24)).toBe(RATE);
  expect(wav.readUInt16LE(34)).toBe(16);
  const bytes = wav.readUInt32LE(40);
  expect(wav.length).toBe(44 + bytes);
  const out: number[] = [];
  for (let at = 44; at < wav.length; at += 2)
    out.push(wav.readInt16LE(at) / 32767);
  return out;
}

describe('evidence audio from the encrypted spool', () => {
  let test: TestDatabase;
  let store: StoreHandle;
  let sessionId: string;
  let spoolId: string;

  beforeEach(() => {
    test = openTestDatabase();
    store = {
      db: test.db,
      repos: createRepositories(test.db),
      dataDir: test.dir,
      spoolRoot: path.join(test.dir, 'spool'),
      close: () => test.db.close(),
    };
    sessionId = seedSession(test.db).sessionId;
    spoolId = spoolDecodedAudio(store, sessionId, {
      sampleRate: RATE,
      channels: session(),
      durationSec: 10,
    });
    store.repos.recordings.add({
      sessionId,
      spoolId,
      path: null,
      channelMap: ['clinician', 'client'],
      sampleRate: RATE,
      durationSec: 10,
    });
  });

  afterEach(() => test.dispose());

  it('returns exactly the asked range, both channels mixed to mono', () => {
    const clip = evidenceClip(store, sessionId, { start: 1.5, end: 3.5 });
    const samples = samplesOf(clip.wav);
    expect(samples.length).toBe(2 * RATE);
    expect(clip).toMatchObject({ start: 1.5, end: 3.5, sampleRate: RATE });
    // Half a second of silence, one second of the left tone at half level.
    expect(samples[0.5 * RATE - 1]).toBe(0);
    expect(samples[0.5 * RATE]).toBeCloseTo(0.25, 3);
    expect(samples[1.5 * RATE - 1]).toBeCloseTo(0.25, 3);
    expect(samples[1.5 * RATE]).toBe(0);
  });

  it('reads a range that starts inside a later chunk', () => {
    const samples = samplesOf(
      evidenceClip(store, sessionId, { start: 8 + 0.25, end: 9 }).wav,
    );
    expect(samples.length).toBe(0.75 * RATE);
    expect(samples.every((s) => s === 0)).toBe(true);

    const client = samplesOf(
      evidenceClip(store, sessionId, { start: 6.5, end: 7 }).wav,
    );
    expect(client.length).toBe(0.5 * RATE);
    expect(client.every((s) => Math.abs(s + 0.25) < 1e-3)).toBe(true);
  });

  it('clamps to the recording and to the longest clip', () => {
    const tail = evidenceClip(store, sessionId, { start: 9, end: 30 });
    expect(tail.end).toBe(10);
    expect(samplesOf(tail.wav).length).toBe(RATE);

    const long = evidenceClip(store, sessionId, { start: 0, end: 600 });
    expect(long.end).toBeLessThanOrEqual(MAX_CLIP_SEC);
    expect(() =>
      evidenceClip(store, sessionId, { start: 20, end: 25 }),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
  });

  it('says the audio is gone once retention destroyed its key', () => {
    destroySpoolKey(store.db, spoolId);
    expect(() => evidenceClip(store, sessionId, { start: 1, end: 2 })).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
  });
});
