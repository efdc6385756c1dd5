import { randomUUID } from 'node:crypto';
import type { DecodedAudio } from '../speech/decode';
import { createSpoolKey } from '../spool/spoolKeys';
import { SpoolWriter } from '../spool/spoolWriter';
import type { StoreHandle } from './storeHandle';

/** Frames per write: about four seconds, one spool chunk. */
const WRITE_FRAMES = 16000 * 4;

/**
 * Keeps a session's decoded audio in the encrypted spool (AES-256-GCM with
 * a per-session key in the database), so imported audio is at rest only in
 * encrypted form and retention can crypto-shred it. Returns the spool id.
 */
export function spoolDecodedAudio(
  store: StoreHandle,
  sessionId: string,
  audio: DecodedAudio,
): string {
  const spoolId = randomUUID();
  const key = createSpoolKey(store.db, spoolId, sessionId);
  const writer = SpoolWriter.start({
    root: store.spoolRoot,
    spoolId,
    sessionId,
    key,
    sampleRate: audio.sampleRate,
    channels: audio.channels.length,
    sampleFormat: 'f32le',
  });
  const frames = audio.channels[0]?.length ?? 0;
  for (let from = 0; from < frames; from += WRITE_FRAMES) {
    writer.write(
      interleave(audio.channels, from, Math.min(frames, from + WRITE_FRAMES)),
    );
  }
  writer.close();
  return spoolId;
}

function interleave(
  channels: Float32Array[],
  from: number,
  to: number,
): Buffer {
  const count = channels.length;
  const out = new Float32Array((to - from) * count);
  for (let frame = from; frame < to; frame++) {
    for (let c = 0; c < count; c++) {
      out[(frame - from) * count + c] = channels[c]?.[frame] ?? 0;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
