// Encrypted (SQLCipher via better-sqlite3-multiple-ciphers) vs plain SQLite
// (better-sqlite3) on the app's own schema and repositories:
//   1. inserting one 60-minute session: ~10k-word transcript, a note with an
//      edit and a signature, two assessments;
//   2. listing and searching 10,000 sessions.
// Both use WAL and synchronous=FULL, as openDatabase does. Prints ms and ratios.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Segment } from '../electron/core/domain/transcript';
import { openDatabase, type Database } from '../electron/core/store/database';
import { migrate } from '../electron/core/store/migrate';
import { createRepositories } from '../electron/core/store/repositories/index';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'fixtures',
  'sessions',
  'cbt-phq9-demo.json',
);
const SESSIONS = 10_000;
const INSERT_RUNS = 5;
const QUERY_RUNS = 200;

type Engine = { name: 'encrypted' | 'plain'; open(file: string): Database };

const engines: Engine[] = [
  {
    name: 'encrypted',
    open: (file) => openDatabase({ file, key: randomBytes(32) }),
  },
  { name: 'plain', open: openPlain },
];

function openPlain(file: string): Database {
  // better-sqlite3 ships no types here; its API is the one the cipher fork types.
  const Plain = createRequire(import.meta.url)('better-sqlite3') as new (
    file: string,
  ) => Database;
  const db = new Plain(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  return db;
}

/** A 60-minute transcript: the fixture's utterances repeated to ~10k words. */
function sixtyMinuteTranscript(): Segment[] {
  const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    utterances: { role: 'clinician' | 'client'; text: string }[];
  };
  const segments: Segment[] = [];
  let words = 0;
  for (let i = 0; words < 10_000; i++) {
    const u = json.utterances[i % json.utterances.length]!;
    const start = (i * 3600) / 700;
    segments.push({
      id: `g${i}`,
      start,
      end: start + 5,
      role: u.role,
      channel: u.role === 'client' ? 1 : 0,
      text: u.text,
      confidence: 0.9,
    });
    words += u.text.split(/\s+/).length;
  }
  return segments;
}

function insertSession(db: Database, n: number, transcript: Segment[]): void {
  const r = createRepositories(db);
  db.transaction(() => {
    const client = r.clients.upsert({
      givenName: 'Jordan',
      familyName: `Client${n}`,
      birthDate: '1990-01-01',
      part2Program: null,
      ownerClinicianId: 'c1',
    });
    const s = r.sessions.create({ clientId: client.id, clinicianId: 'c1' });
    r.sessions.setStatus(s.id, 'recording');
    r.transcripts.upsertSegments(s.id, transcript);
    const note = r.notes.createDraft({
      sessionId: s.id,
      template: 'soap',
      content: {
        subjective: transcript
          .slice(0, 20)
          .map((x) => x.text)
          .join(' '),
        plan: 'weekly',
      },
      authorId: 'llm',
    });
    r.notes.saveEdit(
      note.noteId,
      {
        subjective: transcript
          .slice(0, 15)
          .map((x) => x.text)
          .join(' '),
        plan: 'weekly',
      },
      'c1',
    );
    r.notes.sign(note.noteId, 'c1');
    r.assessments.propose({
      sessionId: s.id,
      clientId: client.id,
      instrument: 'phq9',
      answers: [2, 3, 3, 2, 1, 2, 1, 0, 1],
      total: 15,
      severity: 'moderately severe',
      source: 'verbal',
    });
    r.assessments.propose({
      sessionId: s.id,
      clientId: client.id,
      instrument: 'gad7',
      answers: [2, 2, 1, 1, 0, 1, 1],
      total: 8,
      severity: 'mild',
      source: 'verbal',
    });
  })();
}

function seedSessions(db: Database): void {
  const now = new Date('2026-01-01T00:00:00Z').getTime();
  const client = db.prepare(
    `INSERT INTO clients VALUES (?, ?, ?, '1990-01-01', NULL, ?, 'n', 'n')`,
  );
  const session = db.prepare(
    `INSERT INTO sessions (id, client_id, clinician_id, status, started_at, created_at, updated_at) VALUES (?, ?, ?, 'saved', ?, 'n', 'n')`,
  );
  db.transaction(() => {
    for (let c = 0; c < 1000; c++)
      client.run(
        `cl${c}`,
        `Given${c}`,
        `Family${String(c).padStart(4, '0')}`,
        `clin${c % 20}`,
      );
    for (let i = 0; i < SESSIONS; i++) {
      session.run(
        `s${i}`,
        `cl${i % 1000}`,
        `clin${i % 20}`,
        new Date(now + i * 3_600_000).toISOString(),
      );
    }
  })();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, fn: (i: number) => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function measure(
  engine: Engine,
  transcript: Segment[],
): Record<string, number> {
  const dir = mkdtempSync(
    path.join(tmpdir(), `hushnote-bench-${engine.name}-`),
  );
  const db = engine.open(path.join(dir, 'bench.db'));
  migrate(db);
  const sessions = createRepositories(db).sessions;
  const insert = time(INSERT_RUNS, (i) => insertSession(db, i, transcript));
  const seed = time(1, () => seedSessions(db));
  const list = time(QUERY_RUNS, (i) =>
    sessions.list({ limit: 50, offset: (i * 50) % SESSIONS }),
  );
  const search = time(QUERY_RUNS, (i) =>
    sessions.list({
      text: `Family${String(i % 1000).padStart(4, '0')}`,
      limit: 50,
    }),
  );
  const range = time(QUERY_RUNS, (i) =>
    sessions.list({
      clinicianId: `clin${i % 20}`,
      from: '2026-03-01',
      to: '2026-04-01',
      limit: 50,
    }),
  );
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    insert60min: insert,
    seed10k: seed,
    listPage: list,
    searchName: search,
    clinicianMonth: range,
  };
}

const transcript = sixtyMinuteTranscript();
const words = transcript.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
// Two alternating rounds per engine (the machine is shared), best of each.
const results = { encrypted: {}, plain: {} } as Record<
  Engine['name'],
  Record<string, number>
>;
for (let round = 0; round < 2; round++) {
  for (const engine of round === 0 ? engines : [...engines].reverse()) {
    const figures = measure(engine, transcript);
    const best = results[engine.name];
    for (const [op, ms] of Object.entries(figures)) {
      best[op] = Math.min(best[op] ?? Infinity, ms);
    }
  }
}

const lines = [
  `store bench: ${transcript.length} segments / ${words} words per session, ${SESSIONS} sessions, median of ${INSERT_RUNS} inserts / ${QUERY_RUNS} queries, best of 2 rounds`,
  `${'operation'.padEnd(16)}${'encrypted ms'.padStart(14)}${'plain ms'.padStart(12)}${'ratio'.padStart(9)}`,
  ...Object.keys(results.plain).map((op) => {
    const enc = results.encrypted[op] ?? Number.NaN;
    const plain = results.plain[op] ?? Number.NaN;
    return `${op.padEnd(16)}${enc.toFixed(2).padStart(14)}${plain.toFixed(2).padStart(12)}${(enc / plain).toFixed(2).padStart(8)}x`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
