import { randomUUID } from 'node:crypto';
import { readSpool } from '../spool/spoolReader';
import { SpoolWriter } from '../spool/spoolWriter';
import { CAPTURE_RATE } from './audioSource';
import { stereoWav, type CaptureSink } from './captureSink';

export interface SpoolSinkOptions {
  root: string;
  sessionId: string;
  /** Creates and stores the per-spool key (spoolKeys.ts `createSpoolKey`). */
  createKey: (spoolId: string, sessionId: string) => Buffer;
}

/**
 * Spools capture to encrypted chunk files as it arrives, so a crash loses
 * at most one chunk; `finish` reads the spool back as one WAV.
 */
export function spoolSink(options: SpoolSinkOptions): CaptureSink {
  const spoolId = randomUUID();
  const key = options.createKey(spoolId, options.sessionId);
  const writer = SpoolWriter.start({
    root: options.root,
    spoolId,
    sessionId: options.sessionId,
    key,
    sampleRate: CAPTURE_RATE,
    channels: 2,
    sampleFormat: 's16le',
  });
  return {
    write: (frames) =>
      writer.write(
        Buffer.from(frames.buffer, frames.byteOffset, frames.byteLength),
      ),
    finish: () => {
      writer.close();
      const { pcm } = readSpool(options.root, spoolId, key);
      // Copied: a pooled Buffer may start at an odd offset.
      return stereoWav(new Int16Array(Uint8Array.from(pcm).buffer));
    },
  };
}
