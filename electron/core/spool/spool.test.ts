import { randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkName } from './chunkFile';
import {
  findInterruptedSessions,
  readSpool,
  recoverSession,
} from './spoolReader';
import { SpoolWriter, type SpoolWriterOptions } from './spoolWriter';

describe('spool', () => {
  let root: string;
  const key = randomBytes(32);
  const options = (
    over: Partial<SpoolWriterOptions> = {},
  ): SpoolWriterOptions => ({
    root,
    spoolId: 'sp1',
    sessionId: 's1',
    key,
    sampleRate: 1000,
    channels: 2,
    sampleFormat: 's16le',
    chunkSeconds: 1,
    ...over,
  });
  const pcm = (frames: number, frameBytes = 4) =>
    randomBytes(frames * frameBytes);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hushnote-spool-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips audio in whole chunks plus a flushed tail', () => {
    const input = pcm(2500);
    const writer = SpoolWriter.start(options());
    writer.write(input.subarray(0, 1000));
    writer.write(input.subarray(1000));
    expect(writer.summary().chunks).toBe(2);
    expect(writer.close()).toMatchObject({
      chunks: 3,
      frames: 2500,
      durationSec: 2.5,
    });
    const audio = readSpool(root, 'sp1', key);
    expect(audio.pcm.equals(input)).toBe(true);
    expect(findInterruptedSessions(root)).toEqual([]);
  });

  it('keeps float32 audio bit-exact', () => {
    const input = Buffer.from(
      new Float32Array([0.5, -0.25, 1, -1, 0.125, 0]).buffer,
    );
    const writer = SpoolWriter.start(
      options({ channels: 3, sampleFormat: 'f32le', sampleRate: 2 }),
    );
    writer.write(input);
    writer.close();
    expect(readSpool(root, 'sp1', key).pcm.equals(input)).toBe(true);
  });

  it('finds an unclosed spool and recovers up to a torn chunk', () => {
    const input = pcm(3000);
    const writer = SpoolWriter.start(options());
    writer.write(input);
    const third = path.join(root, 'sp1', chunkName(2));
    writeFileSync(third, readFileSync(third).subarray(0, 100));

    expect(
      findInterruptedSessions(root).map((s) => [
        s.marker.sessionId,
        s.chunkFiles,
      ]),
    ).toEqual([['s1', 3]]);
    const audio = recoverSession(root, 'sp1', key);
    expect(audio.chunks).toBe(2);
    expect(audio.pcm.equals(input.subarray(0, 8000))).toBe(true);
    expect(findInterruptedSessions(root)).toEqual([]);
  });

  it('stops at a reordered chunk and reads nothing with another key', () => {
    const writer = SpoolWriter.start(options());
    writer.write(pcm(3000));
    const dir = path.join(root, 'sp1');
    renameSync(path.join(dir, chunkName(1)), path.join(dir, 'x'));
    renameSync(path.join(dir, chunkName(2)), path.join(dir, chunkName(1)));
    expect(readSpool(root, 'sp1', key).chunks).toBe(1);
    expect(readSpool(root, 'sp1', randomBytes(32)).chunks).toBe(0);
  });

  it('rejects partial frames and bad keys', () => {
    const writer = SpoolWriter.start(options());
    expect(() => writer.write(Buffer.alloc(3))).toThrow(
      expect.objectContaining({ kind: 'invalid_request' }),
    );
    expect(() => SpoolWriter.start(options({ key: Buffer.alloc(16) }))).toThrow(
      expect.objectContaining({ kind: 'invalid_request' }),
    );
  });
});
