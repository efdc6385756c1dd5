import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * One spool chunk on disk:
 *   "HNSC" | version u8 | seq u32 | frames u32 | iv 12 | tag 16 | ciphertext
 * AES-256-GCM; the header up to the iv and the spool id are authenticated
 * data, so a chunk cannot be moved to another position or session.
 */
const MAGIC = Buffer.from('HNSC', 'latin1');
const VERSION = 1;
const HEADER_LENGTH = 4 + 1 + 4 + 4 + 12;
const TAG_LENGTH = 16;

export interface ChunkPlain {
  seq: number;
  frames: number;
  pcm: Buffer;
}

export function chunkName(seq: number): string {
  return `${String(seq).padStart(6, '0')}.chunk`;
}

export function encodeChunk(
  key: Buffer,
  spoolId: string,
  chunk: ChunkPlain,
): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 4);
  header.writeUInt32BE(chunk.seq, 5);
  header.writeUInt32BE(chunk.frames, 9);
  randomBytes(12).copy(header, 13);

  const cipher = createCipheriv('aes-256-gcm', key, header.subarray(13));
  cipher.setAAD(
    Buffer.concat([header.subarray(0, 13), Buffer.from(spoolId, 'utf8')]),
  );
  const body = Buffer.concat([cipher.update(chunk.pcm), cipher.final()]);
  return Buffer.concat([header, cipher.getAuthTag(), body]);
}

/** Returns null for a torn, foreign or tampered chunk: recovery stops there. */
export function decodeChunk(
  key: Buffer,
  spoolId: string,
  bytes: Buffer,
): ChunkPlain | null {
  if (bytes.length < HEADER_LENGTH + TAG_LENGTH) return null;
  if (!bytes.subarray(0, 4).equals(MAGIC) || bytes.readUInt8(4) !== VERSION)
    return null;

  const header = bytes.subarray(0, HEADER_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(13));
  decipher.setAAD(
    Buffer.concat([header.subarray(0, 13), Buffer.from(spoolId, 'utf8')]),
  );
  decipher.setAuthTag(
    bytes.subarray(HEADER_LENGTH, HEADER_LENGTH + TAG_LENGTH),
  );
  try {
    const body = bytes.subarray(HEADER_LENGTH + TAG_LENGTH);
    const pcm = Buffer.concat([decipher.update(body), decipher.final()]);
    return { seq: header.readUInt32BE(5), frames: header.readUInt32BE(9), pcm };
  } catch {
    return null;
  }
}

/**
 * Writes a file so that after a crash it is either absent or complete:
 * write a temp file, fsync it, rename it into place, fsync the folder.
 */
export function writeDurably(file: string, bytes: Buffer): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
