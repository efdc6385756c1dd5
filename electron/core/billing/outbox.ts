import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import { check837P } from './x12/check837P';

/**
 * Writes an 837P into `<dir>/<payerId>/` for a clearinghouse connector to
 * send later. The file is checked first (strict parse, counts, HL tree), is
 * written to a temporary name and renamed, and never replaces an existing
 * file, so a bad batch or a crash loses nothing already in the outbox.
 * Returns the path written.
 */
export async function writeClaimToOutbox(
  dir: string,
  payerId: string,
  x12: string,
): Promise<string> {
  const folder = payerFolder(payerId);
  const report = check837P(x12);
  const problems = [...report.problems, ...report.identifierProblems];
  if (problems.length > 0) {
    throw new AppError(
      'claim_invalid',
      `The 837P failed its checks: ${problems.join(' ')}`,
    );
  }

  const target = path.join(dir, folder);
  await mkdir(target, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${controlNumber(x12)}.837`;
  const file = path.join(target, name);
  const temp = path.join(target, `.${name}.tmp`);

  await writeFile(temp, x12, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
  try {
    await renameNoClobber(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  log().info('billing.outbox_written', {
    payerId: folder,
    claimCount: report.claims,
    sizeBytes: Buffer.byteLength(x12),
  });
  return file;
}

function payerFolder(payerId: string): string {
  const safe = payerId.trim().replace(/[^A-Za-z0-9_-]/g, '_');
  if (!safe || /^_+$/.test(safe)) {
    throw new AppError(
      'claim_invalid',
      'The payer ID cannot name an outbox folder.',
    );
  }
  return safe;
}

function controlNumber(x12: string): string {
  return /^ISA(?:\*[^*]*){12}\*(\d{9})/.exec(x12)?.[1] ?? 'batch';
}

async function renameNoClobber(from: string, to: string): Promise<void> {
  // writeFile with 'wx' on the final name reserves it; rename then fills it.
  try {
    await writeFile(to, '', { flag: 'wx', mode: 0o600 });
  } catch {
    throw new AppError(
      'conflict',
      'An outbox file with that name already exists.',
    );
  }
  await rename(from, to);
}
