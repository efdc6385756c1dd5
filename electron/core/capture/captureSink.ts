import { CAPTURE_RATE } from './audioSource';

/**
 * Where captured stereo PCM goes from the first second. The desktop app
 * spools it encrypted (SpoolWriter); `finish` hands back the whole
 * recording as a WAV for the main job.
 */
export interface CaptureSink {
  /** Interleaved 16-bit stereo frames, microphone left. */
  write(frames: Int16Array): void;
  finish(): Buffer;
}

/** Keeps the recording in memory: tests and the browser bridge's dev mode. */
export function memorySink(): CaptureSink {
  const parts: Int16Array[] = [];
  return {
    write: (frames) => parts.push(frames),
    finish: () => stereoWav(concat(parts)),
  };
}

/**
 * A 16 kHz 16-bit stereo WAV file of interleaved frames: the canonical
 * 44-byte RIFF header (PCM format 1), then the samples little-endian.
 */
export function stereoWav(interleaved: Int16Array): Buffer {
  const dataBytes = interleaved.length * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(CAPTURE_RATE, 24);
  header.writeUInt32LE(CAPTURE_RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);

  const data = Buffer.alloc(dataBytes);
  for (let i = 0; i < interleaved.length; i++)
    data.writeInt16LE(interleaved[i] ?? 0, i * 2);
  return Buffer.concat([header, data]);
}

export function concat(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
