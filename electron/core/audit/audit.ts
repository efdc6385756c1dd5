import { createHash } from 'node:crypto';
import { AppError } from '../../contract/errors';
import type { Database } from '../store/database';
import { nowIso } from '../store/clock';
import { guarded } from '../store/sqliteErrors';

/** What happened to an object. `read` covers views of notes and transcripts. */
export const AUDIT_ACTIONS = [
  'create',
  'read',
  'update',
  'delete',
  'export',
  'push',
  'sign',
  'amend',
  'recover',
  'policy_change',
  'rekey',
  // Access control (issue #12): refusals, sign-in and emergency access.
  'deny',
  'login',
  'logout',
  'lock',
  'unlock',
  'break_glass',
  'cosign',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  /** A user id, or `system` for retention sweeps and other automatic work. */
  actor: string;
  action: AuditAction;
  objectType: string;
  objectId: string;
  /** Ids, counts and kinds only: the log is exported, so never PHI. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  objectType: string;
  objectId: string;
  detail: AuditInput['detail'] | null;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  detail_json: string | null;
  prev_hash: string;
  hash: string;
}

/** The chain starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Appends one entry whose hash covers the entry and its predecessor's hash,
 * so an edit, insertion or deletion anywhere breaks every later link.
 */
export function appendAudit(
  db: Database,
  input: AuditInput,
  at: Date = new Date(),
): AuditEntry {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(input.action)) {
    throw new AppError('invalid_request', 'Unknown audit action.');
  }
  // IMMEDIATE takes the write lock before reading the head, so two
  // processes (app and CLI) can never link to the same predecessor.
  return guarded(() =>
    db.transaction(() => insertLinked(db, input, nowIso(at))).immediate(),
  );
}

function insertLinked(db: Database, input: AuditInput, at: string): AuditEntry {
  const last = db
    .prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
    .get() as { id: number; hash: string } | undefined;
  const id = nextId(db, last?.id ?? 0);
  const row: AuditRow = {
    id,
    at,
    actor: input.actor,
    action: input.action,
    object_type: input.objectType,
    object_id: input.objectId,
    detail_json: input.detail ? JSON.stringify(input.detail) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
    hash: '',
  };
  row.hash = hashRow(row);
  db.prepare(
    `INSERT INTO audit_log (id, at, actor, action, object_type, object_id, detail_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @object_type, @object_id, @detail_json, @prev_hash, @hash)`,
  ).run(row);
  return toEntry(row);
}

function nextId(db: Database, lastId: number): number {
  // AUTOINCREMENT's counter also remembers rows that were deleted later.
  const seq = db
    .prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`)
    .pluck()
    .get();
  return Math.max(lastId, typeof seq === 'number' ? seq : 0) + 1;
}

/** sha256 over a fixed-order JSON array of every column but the hash. */
export function hashRow(row: AuditRow): string {
  const canonical = JSON.stringify([
    row.id,
    row.at,
    row.actor,
    row.action,
    row.object_type,
    row.object_id,
    row.detail_json,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type AuditVerdict =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      count: number;
      badRowId: number;
      reason: 'hash' | 'link' | 'gap' | 'truncated';
    };

/**
 * Walks the chain from the first entry. On failure `badRowId` is the first
 * row that does not verify (for a truncated log: the first missing id).
 */
export function verifyAudit(db: Database): AuditVerdict {
  const rows = db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as Iterable<AuditRow>;
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let count = 0;

  for (const row of rows) {
    count++;
    if (row.id !== expectedId)
      return { ok: false, count, badRowId: expectedId, reason: 'gap' };
    if (row.prev_hash !== prev)
      return { ok: false, count, badRowId: row.id, reason: 'link' };
    if (hashRow(row) !== row.hash)
      return { ok: false, count, badRowId: row.id, reason: 'hash' };
    prev = row.hash;
    expectedId++;
  }

  const seq = db
    .prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`)
    .pluck()
    .get();
  if (typeof seq === 'number' && seq >= expectedId) {
    return { ok: false, count, badRowId: expectedId, reason: 'truncated' };
  }
  return { ok: true, count, headHash: prev };
}

export interface AuditQuery {
  objectType?: string;
  objectId?: string;
  afterId?: number;
  limit?: number;
}

export function listAudit(db: Database, query: AuditQuery = {}): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@objectType IS NULL OR object_type = @objectType)
         AND (@objectId IS NULL OR object_id = @objectId)
         AND id > @afterId
       ORDER BY id LIMIT @limit`,
    )
    .all({
      objectType: query.objectType ?? null,
      objectId: query.objectId ?? null,
      afterId: query.afterId ?? 0,
      limit: query.limit ?? 1000,
    }) as AuditRow[];
  return rows.map(toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    objectType: row.object_type,
    objectId: row.object_id,
    detail: row.detail_json
      ? (JSON.parse(row.detail_json) as AuditEntry['detail'])
      : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
