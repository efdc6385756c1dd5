import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, spoolRoot } from '../../electron/core/store/openStore';
import { FIXTURE_JSON } from './fixtures/spoolFixture';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Words of 7+ letters from the fixture transcript: long enough that random
 * ciphertext will not spell one by chance (~1e-5 over all files).
 */
function transcriptWords(): string[] {
  const json = JSON.parse(readFileSync(FIXTURE_JSON, 'utf8')) as {
    utterances: { text: string }[];
  };
  const words = json.utterances.flatMap(
    (u) => u.text.toLowerCase().match(/[a-z]{7,}/g) ?? [],
  );
  return [...new Set(words)];
}

/** Transcript words that `strings` finds in the file. */
function leakedWords(file: string, words: string[]): string[] {
  const text = execFileSync('strings', ['-n', '4', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  }).toLowerCase();
  return words.filter((w) => text.includes(w));
}

/** Runs the capture child to the end: a database holding the transcript, and closed spool chunks. */
function spoolToEnd(dataDir: string): Promise<number | null> {
  const child = spawn(
    'node',
    [
      'bin/run-ts.mjs',
      'tests/store/fixtures/spoolChild.ts',
      dataDir,
      'session-strings',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, HUSHNOTE_PASSPHRASE: 'strings-test passphrase' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('nothing readable at rest', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hushnote-strings-'));
  const words = transcriptWords();
  beforeAll(async () => {
    expect(await spoolToEnd(dataDir)).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the probe finds the words in a plain SQLite copy (so it can fail)', () => {
    const Plain = createRequire(import.meta.url)(
      'better-sqlite3',
    ) as typeof import('better-sqlite3-multiple-ciphers');
    const file = path.join(dataDir, 'plain.db');
    const plain = new Plain(file);
    plain.exec('CREATE TABLE t (text TEXT)');
    const json = JSON.parse(readFileSync(FIXTURE_JSON, 'utf8')) as {
      utterances: { text: string }[];
    };
    for (const u of json.utterances)
      plain.prepare('INSERT INTO t VALUES (?)').run(u.text);
    plain.close();
    expect(words.length).toBeGreaterThan(50);
    expect(leakedWords(file, words).length).toBeGreaterThan(words.length / 2);
    rmSync(file);
  });

  it('strings finds no transcript word in the database or its WAL', () => {
    const files = [
      databaseFile(dataDir),
      `${databaseFile(dataDir)}-wal`,
    ].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(leakedWords(file, words)).toEqual([]);
  });

  it('the database is readable by its owner alone', () => {
    expect(statSync(databaseFile(dataDir)).mode & 0o077).toBe(0);
  });

  it('strings finds no transcript word in any spool chunk', () => {
    const spool = spoolRoot(dataDir);
    const chunks = readdirSync(spool, {
      recursive: true,
      encoding: 'utf8',
    }).filter((f) => f.endsWith('.chunk'));
    expect(chunks.length).toBeGreaterThan(50);
    for (const chunk of chunks)
      expect(leakedWords(path.join(spool, chunk), words)).toEqual([]);
  });
});
