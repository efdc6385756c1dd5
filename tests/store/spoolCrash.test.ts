import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { getSpoolKey } from '../../electron/core/spool/spoolKeys';
import {
  findInterruptedSessions,
  recoverSession,
} from '../../electron/core/spool/spoolReader';
import { openStore, spoolRoot } from '../../electron/core/store/openStore';
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

    const interrupted = findInterruptedSessions(spoolRoot(dataDir));
    expect(interrupted.map((s) => s.marker.sessionId)).toEqual([sessionId]);
    const spoolId = interrupted[0]!.marker.spoolId;

    const keyStore = new PassphraseKeyStore(
      path.join(dataDir, 'keys.json'),
      PASSPHRASE,
    );
    const db = await openStore({ dataDir, keyStore });
    expect(new SessionsRepository(db).require(sessionId).status).toBe(
      'recording',
    );
    const audio = recoverSession(
      spoolRoot(dataDir),
      spoolId,
      getSpoolKey(db, spoolId)!,
    );
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
