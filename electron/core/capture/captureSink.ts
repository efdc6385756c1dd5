import { WaveFile } from 'wavefile';
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

/** A 16 kHz 16-bit stereo WAV file of interleaved frames. */
export function stereoWav(interleaved: Int16Array): Buffer {
  const wav = new WaveFile();
  wav.fromScratch(2, CAPTURE_RATE, '16', interleaved);
  return Buffer.from(wav.toBuffer());
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
