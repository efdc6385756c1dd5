import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import { chunkName, decodeChunk, writeDurably } from './chunkFile';
import { CLOSED_FILE, MARKER_FILE, type SpoolMarker } from './spoolMarker';

export interface InterruptedSpool {
  marker: SpoolMarker;
  /** Complete chunk files on disk (a torn last write is not counted). */
  chunkFiles: number;
}

/** Spools that have a session marker but were never closed: a crash or kill. */
export function findInterruptedSessions(root: string): InterruptedSpool[] {
  if (!existsSync(root)) return [];
  const found: InterruptedSpool[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const marker = readMarker(dir);
    if (!marker || existsSync(path.join(dir, CLOSED_FILE))) continue;
    found.push({
      marker,
      chunkFiles: readdirSync(dir).filter((f) => f.endsWith('.chunk')).length,
    });
  }
  return found.sort((a, b) =>
    a.marker.startedAt.localeCompare(b.marker.startedAt),
  );
}

export interface SpoolAudio {
  marker: SpoolMarker;
  /** Interleaved PCM in the marker's sample format. */
  pcm: Buffer;
  chunks: number;
  frames: number;
  durationSec: number;
}

/**
 * Decrypts a spool's chunks in order, stopping at the first missing or
 * unreadable one: everything before it is exactly what was captured.
 */
export function readSpool(
  root: string,
  spoolId: string,
  key: Buffer,
): SpoolAudio {
  const dir = path.join(root, spoolId);
  const marker = readMarker(dir);
  if (!marker)
    throw new AppError('not_found', 'No spooled audio for this session.');

  const parts: Buffer[] = [];
  let frames = 0;
  for (let seq = 0; ; seq++) {
    const file = path.join(dir, chunkName(seq));
    if (!existsSync(file)) break;
    const chunk = decodeChunk(key, spoolId, readFileSync(file));
    if (!chunk || chunk.seq !== seq) {
      log().warn('spool.chunk_unreadable', { spoolId, seq });
      break;
    }
    parts.push(chunk.pcm);
    frames += chunk.frames;
  }
  return {
    marker,
    pcm: Buffer.concat(parts),
    chunks: parts.length,
    frames,
    durationSec: frames / marker.sampleRate,
  };
}

/**
 * Reads an interrupted spool and closes it as recovered, so it is offered
 * once. The chunks stay on disk until retention deletes them.
 */
export function recoverSession(
  root: string,
  spoolId: string,
  key: Buffer,
): SpoolAudio {
  const audio = readSpool(root, spoolId, key);
  const closed = {
    spoolId,
    chunks: audio.chunks,
    frames: audio.frames,
    recovered: true,
    endedAt: new Date().toISOString(),
  };
  writeDurably(
    path.join(root, spoolId, CLOSED_FILE),
    Buffer.from(JSON.stringify(closed)),
  );
  log().info('spool.recovered', { spoolId, chunks: audio.chunks });
  return audio;
}

/** Removes a spool folder; pair with destroying its key (crypto-shredding). */
export function deleteSpool(root: string, spoolId: string): void {
  rmSync(path.join(root, spoolId), { recursive: true, force: true });
}

function readMarker(dir: string): SpoolMarker | null {
  const file = path.join(dir, MARKER_FILE);
  if (!existsSync(file)) return null;
  try {
    // Parsed as unknown first: a foreign or half-written file is not a marker.
    const marker = JSON.parse(readFileSync(file, 'utf8')) as {
      format?: unknown;
    };
    return marker.format === 'hushnote-spool' ? (marker as SpoolMarker) : null;
  } catch {
    return null;
  }
}
