import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { listAudit } from '../../electron/core/audit/audit';
import {
  acceptRecovery,
  listRecoverable,
} from '../../electron/core/spool/recovery';
import { findInterruptedSessions } from '../../electron/core/spool/spoolReader';
import { openStore, spoolRoot } from '../../electron/core/store/openStore';
import { RecordingsRepository } from '../../electron/core/store/repositories/recordings';
import { SessionsRepository } from '../../electron/core/store/repositories/sessions';
import {
  CHUNK_SECONDS,
  decodeFixture,
  SAMPLE_RATE,
} from './fixtures/spoolFixture';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PASSPHRASE = 'crash-test passphrase';
const CHUNK_BYTES = CHUNK_SECONDS * SAMPLE_RATE * 4;
const KILL_AFTER_CHUNKS = 5;

/** Starts the capture child and SIGKILLs it once it reports enough chunks. */
function spoolUntilKilled(
  dataDir: string,
  sessionId: string,
): Promise<{ signal: string | null; reported: number }> {
  const child = spawn(
    'node',
    [
      'bin/run-ts.mjs',
      'tests/store/fixtures/spoolChild.ts',
      dataDir,
      sessionId,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, HUSHNOTE_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let reported = 0;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    for (const match of text.matchAll(/chunk (\d+)/g))
      reported = Number(match[1]);
    if (reported >= KILL_AFTER_CHUNKS) child.kill('SIGKILL');
  });
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => resolve({ signal, reported })),
  );
}

describe('crash-safe audio spool', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hushnote-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('recovers the audio of a SIGKILLed capture up to the last complete chunk', async () => {
    const sessionId = 'session-crash-1';
    const run = await spoolUntilKilled(dataDir, sessionId);
    expect(run.signal).toBe('SIGKILL');
    expect(run.reported).toBeGreaterThanOrEqual(KILL_AFTER_CHUNKS);

    const keyStore = new PassphraseKeyStore(
      path.join(dataDir, 'keys.json'),
      PASSPHRASE,
    );
    const db = await openStore({ dataDir, keyStore });
    const offered = listRecoverable(db, spoolRoot(dataDir));
    expect(offered.map((s) => [s.sessionId, s.recoverable])).toEqual([
      [sessionId, true],
    ]);
    const spoolId = offered[0]!.spoolId;
    expect(new SessionsRepository(db).require(sessionId).status).toBe(
      'recording',
    );
    const audio = acceptRecovery(db, spoolRoot(dataDir), spoolId, 'clin-1');
    expect(new SessionsRepository(db).require(sessionId).status).toBe(
      'interrupted',
    );
    expect(
      new RecordingsRepository(db).forSession(sessionId)[0]?.durationSec,
    ).toBe(audio.durationSec);
    expect(listAudit(db).map((e) => e.action)).toEqual(['recover']);
    db.close();

    const completeFiles = readdirSync(
      path.join(spoolRoot(dataDir), spoolId),
    ).filter((f) => f.endsWith('.chunk'));
    expect(audio.chunks).toBe(completeFiles.length);
    expect(audio.chunks).toBeGreaterThanOrEqual(run.reported);
    expect(audio.pcm.length).toBe(audio.chunks * CHUNK_BYTES);

    const input = decodeFixture();
    expect(audio.pcm.length).toBeLessThan(input.length);
    expect(audio.pcm.equals(input.subarray(0, audio.pcm.length))).toBe(true);
    expect(findInterruptedSessions(spoolRoot(dataDir))).toEqual([]);
  });
});
