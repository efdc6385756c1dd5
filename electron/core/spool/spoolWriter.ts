import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import { toStoreError } from '../store/sqliteErrors';
import { chunkName, encodeChunk, writeDurably } from './chunkFile';
import {
  CLOSED_FILE,
  MARKER_FILE,
  type SpoolMarker,
  type SampleFormat,
} from './spoolMarker';

export interface SpoolWriterOptions {
  /** The spool folder (one sub-folder per spool). */
  root: string;
  spoolId: string;
  sessionId: string;
  /** The per-session AES-256-GCM key, kept in the database (spool_keys). */
  key: Buffer;
  sampleRate: number;
  channels: number;
  sampleFormat: SampleFormat;
  /** Seconds of audio per chunk: what a crash can lose at most. Default 4. */
  chunkSeconds?: number;
}

export interface SpoolSummary {
  spoolId: string;
  chunks: number;
  frames: number;
  durationSec: number;
}

const BYTES_PER_SAMPLE: Record<SampleFormat, number> = { s16le: 2, f32le: 4 };

/**
 * Crash-safe audio capture. Interleaved PCM is cut into chunks of a few
 * seconds; each chunk is encrypted and fsynced before the next begins, so a
 * crash loses at most the chunk in progress. Writes are synchronous on
 * purpose: when `write` returns, everything before the last chunk boundary
 * is on disk.
 */
export class SpoolWriter {
  readonly dir: string;
  private readonly chunkBytes: number;
  private readonly frameBytes: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private frames = 0;
  private closed = false;

  private constructor(private readonly options: SpoolWriterOptions) {
    this.dir = path.join(options.root, options.spoolId);
    this.frameBytes = options.channels * BYTES_PER_SAMPLE[options.sampleFormat];
    const chunkFrames = Math.round(
      (options.chunkSeconds ?? 4) * options.sampleRate,
    );
    this.chunkBytes = chunkFrames * this.frameBytes;
  }

  /** Creates the spool folder and its session marker, durably. */
  static start(options: SpoolWriterOptions): SpoolWriter {
    if (options.key.length !== 32)
      throw new AppError('invalid_request', 'A spool key is 32 bytes.');
    const writer = new SpoolWriter(options);
    const marker: SpoolMarker = {
      format: 'hushnote-spool',
      version: 1,
      spoolId: options.spoolId,
      sessionId: options.sessionId,
      sampleRate: options.sampleRate,
      channels: options.channels,
      sampleFormat: options.sampleFormat,
      startedAt: new Date().toISOString(),
    };
    guardDisk(() => {
      mkdirSync(writer.dir, { recursive: true, mode: 0o700 });
      writeDurably(
        path.join(writer.dir, MARKER_FILE),
        Buffer.from(JSON.stringify(marker)),
      );
    });
    log().info('spool.started', {
      spoolId: options.spoolId,
      sessionId: options.sessionId,
    });
    return writer;
  }

  /** Appends interleaved PCM; whole frames only. */
  write(pcm: Buffer): void {
    if (this.closed)
      throw new AppError('conflict', 'The spool is already closed.');
    if (pcm.length % this.frameBytes !== 0) {
      throw new AppError(
        'invalid_request',
        'Audio must be whole interleaved frames.',
      );
    }
    this.pending.push(pcm);
    this.pendingBytes += pcm.length;
    while (this.pendingBytes >= this.chunkBytes)
      this.writeChunk(this.chunkBytes);
  }

  /** Writes what is buffered as a short chunk (on pause, before stop). */
  flush(): void {
    if (this.pendingBytes > 0) this.writeChunk(this.pendingBytes);
  }

  /** Flushes and writes the closed marker: the spool is no longer "interrupted". */
  close(): SpoolSummary {
    this.flush();
    const summary = this.summary();
    guardDisk(() =>
      writeDurably(
        path.join(this.dir, CLOSED_FILE),
        Buffer.from(
          JSON.stringify({ ...summary, endedAt: new Date().toISOString() }),
        ),
      ),
    );
    this.closed = true;
    log().info('spool.closed', {
      spoolId: summary.spoolId,
      chunks: summary.chunks,
    });
    return summary;
  }

  summary(): SpoolSummary {
    return {
      spoolId: this.options.spoolId,
      chunks: this.seq,
      frames: this.frames,
      durationSec: this.frames / this.options.sampleRate,
    };
  }

  private writeChunk(bytes: number): void {
    const all = Buffer.concat(this.pending);
    const pcm = all.subarray(0, bytes);
    const frames = bytes / this.frameBytes;
    const encoded = encodeChunk(this.options.key, this.options.spoolId, {
      seq: this.seq,
      frames,
      pcm,
    });
    guardDisk(() =>
      writeDurably(path.join(this.dir, chunkName(this.seq)), encoded),
    );

    const rest = all.subarray(bytes);
    this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    this.seq++;
    this.frames += frames;
  }
}

function guardDisk(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    throw toStoreError(error);
  }
}
