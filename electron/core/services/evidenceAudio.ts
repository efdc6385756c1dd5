import {
  existsSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
} from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { chunkName, decodeChunk } from '../spool/chunkFile';
import { getSpoolKey } from '../spool/spoolKeys';
import { MARKER_FILE, type SpoolMarker } from '../spool/spoolMarker';
import type { StoreHandle } from './storeHandle';

/** The longest clip one request returns: enough for a sentence's evidence. */
export const MAX_CLIP_SEC = 60;

/** A stretch of the session's audio as a mono 16-bit WAV file. */
export interface AudioClip {
  /** Which recording it came from (an opaque id, for the audit trail). */
  recordingId: string;
  /** What was returned, after clamping to the recording and MAX_CLIP_SEC. */
  start: number;
  end: number;
  sampleRate: number;
  wav: Buffer;
}

/**
 * Cuts `start..end` seconds out of a session's spooled audio, decrypting
 * only the chunks that cover it, and mixes the channels (clinician and
 * client) to one so both voices are heard. The newest recording with a live
 * key is used: the main job's decoded audio, whose time base the transcript
 * shares. Once retention has destroyed the key, the audio is gone.
 */
export function evidenceClip(
  store: StoreHandle,
  sessionId: string,
  range: { start: number; end: number },
): AudioClip {
  const source = playableRecording(store, sessionId);
  if (!source)
    throw new AppError(
      'not_found',
      'The audio of this session is no longer kept.',
    );
  const { recordingId, dir, key, marker } = source;

  const start = Math.max(0, range.start);
  const end = Math.min(range.end, start + MAX_CLIP_SEC);
  if (!(end > start))
    throw new AppError('invalid_request', 'The time range is empty.');
  const from = Math.floor(start * marker.sampleRate);
  const to = Math.ceil(end * marker.sampleRate);

  const mono = readFrames(dir, key, marker, from, to);
  if (mono.length === 0)
    throw new AppError('invalid_request', 'The range is past the recording.');
  return {
    recordingId,
    start,
    end: start + mono.length / marker.sampleRate,
    sampleRate: marker.sampleRate,
    wav: monoWav(mono, marker.sampleRate),
  };
}

interface PlayableRecording {
  recordingId: string;
  dir: string;
  key: Buffer;
  marker: SpoolMarker;
}

function playableRecording(
  store: StoreHandle,
  sessionId: string,
): PlayableRecording | undefined {
  const recordings = store.repos.recordings.forSession(sessionId);
  for (const recording of [...recordings].reverse()) {
    if (!recording.spoolId || recording.deletedAt) continue;
    const key = getSpoolKey(store.db, recording.spoolId);
    const dir = path.join(store.spoolRoot, recording.spoolId);
    const marker = readMarker(dir);
    if (key && marker) return { recordingId: recording.id, dir, key, marker };
  }
  return undefined;
}

function readMarker(dir: string): SpoolMarker | null {
  const file = path.join(dir, MARKER_FILE);
  if (!existsSync(file)) return null;
  try {
    // Parsed as unknown first: a foreign or half-written file is not a marker.
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      format?: unknown;
    };
    return parsed.format === 'hushnote-spool' ? (parsed as SpoolMarker) : null;
  } catch {
    return null;
  }
}

/**
 * Frames `from..to` mixed to mono, in -1..1. Chunk headers carry their
 * frame count in the clear, so chunks before the range are skipped without
 * decrypting them.
 */
function readFrames(
  dir: string,
  key: Buffer,
  marker: SpoolMarker,
  from: number,
  to: number,
): Float32Array {
  const out = new Float32Array(Math.max(0, to - from));
  let filled = 0;
  let at = 0;
  for (let seq = 0; at < to; seq++) {
    const file = path.join(dir, chunkName(seq));
    if (!existsSync(file)) break;
    const frames = chunkFrames(file);
    if (frames === null) break;
    if (at + frames > from) {
      const chunk = decodeChunk(key, marker.spoolId, readFileSync(file));
      if (!chunk || chunk.seq !== seq) break;
      filled = mixInto(out, chunk.pcm, marker, at - from, filled);
    }
    at += frames;
  }
  return out.subarray(0, filled);
}

/** A chunk's frame count from its unencrypted header (chunkFile.ts layout). */
function chunkFrames(file: string): number | null {
  const header = Buffer.alloc(13);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 13, 0) < 13) return null;
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1', 0, 4) === 'HNSC'
    ? header.readUInt32BE(9)
    : null;
}

/**
 * Mixes a chunk's interleaved frames into `out`, the chunk's first frame
 * landing at `offset` (negative when the range starts inside the chunk).
 * Returns how far `out` is filled.
 */
function mixInto(
  out: Float32Array,
  pcm: Buffer,
  marker: SpoolMarker,
  offset: number,
  filled: number,
): number {
  const width = marker.sampleFormat === 'f32le' ? 4 : 2;
  const channels = marker.channels;
  const frames = Math.floor(pcm.length / (width * channels));
  const first = Math.max(0, -offset);
  const last = Math.min(frames, out.length - offset);
  for (let frame = first; frame < last; frame++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const byte = (frame * channels + c) * width;
      sum +=
        width === 4 ? pcm.readFloatLE(byte) : pcm.readInt16LE(byte) / 32768;
    }
    out[frame + offset] = sum / channels;
  }
  return Math.max(filled, last + offset);
}

/** A 16-bit PCM mono WAV: the canonical 44-byte RIFF header, then samples. */
export function monoWav(samples: Float32Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    wav.writeInt16LE(Math.round(s * 32767), 44 + i * 2);
  }
  return wav;
}
