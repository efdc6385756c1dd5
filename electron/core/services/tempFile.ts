import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreHandle } from './storeHandle';

/**
 * Gives the decoder a file for uploaded bytes. The file lives in the
 * app's private data folder (0600) only while `work` runs, and is removed
 * whatever happens; the audio itself is kept only in the encrypted spool.
 */
export async function withTempFile<T>(
  store: StoreHandle,
  file: { name: string; bytes: Buffer },
  work: (filePath: string) => Promise<T>,
): Promise<T> {
  const dir = path.join(store.dataDir, 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const extension = path
    .extname(file.name)
    .replace(/[^.\w]/g, '')
    .slice(0, 8);
  const target = path.join(dir, `${randomUUID()}${extension}`);
  writeFileSync(target, file.bytes, { mode: 0o600, flag: 'wx' });
  try {
    return await work(target);
  } finally {
    rmSync(target, { force: true });
  }
}
