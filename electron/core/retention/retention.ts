import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit/audit';
import { log } from '../log/logger';
import { deleteSpool } from '../spool/spoolReader';
import {
  destroySpoolKey,
  getSpoolKey,
  spoolIdsForSession,
} from '../spool/spoolKeys';
import type { Database } from '../store/database';
import { nowIso } from '../store/clock';
import { guarded } from '../store/sqliteErrors';
import { NotesRepository, type NoteVersion } from '../store/repositories/notes';
import { RecordingsRepository } from '../store/repositories/recordings';
import { TranscriptsRepository } from '../store/repositories/transcripts';
import { RetentionPolicies } from './policy';

export interface RetentionContext {
  db: Database;
  /** The spool folder (openStore's spoolRoot(dataDir)). */
  spoolRoot: string;
  /** The user acting, or `system` for sweeps. */
  actor: string;
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Signs a note and applies its program's retention policy in one step: the
 * entry point for the note:sign handler. Under the default policy the
 * session's audio and its key are destroyed and the transcript gets its
 * removal date.
 */
export function signNote(ctx: RetentionContext, noteId: string): NoteVersion {
  const notes = new NotesRepository(ctx.db);
  const at = nowIso(ctx.now);
  const signed = guarded(() =>
    ctx.db.transaction(() => {
      const version = notes.sign(noteId, ctx.actor, at);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'sign',
          objectType: 'note',
          objectId: noteId,
          detail: { version: version.version },
        },
        ctx.now,
      );
      return version;
    })(),
  );
  const note = notes.get(noteId);
  if (note) applyRetentionOnSign(ctx, note.sessionId);
  return signed;
}

/** What signing means for the session's audio and transcript under its policy. */
export function applyRetentionOnSign(
  ctx: RetentionContext,
  sessionId: string,
): { audioDeleted: boolean; transcriptExpiresAt: string } {
  const policy = new RetentionPolicies(ctx.db).forSession(sessionId);
  const now = ctx.now ?? new Date();
  const expires = nowIso(
    new Date(now.getTime() + policy.transcriptDays * DAY_MS),
  );
  guarded(() =>
    ctx.db
      .prepare(
        'UPDATE sessions SET transcript_expires_at = ? WHERE id = ? AND transcript_purged_at IS NULL',
      )
      .run(expires, sessionId),
  );
  const audioDeleted =
    policy.audioOnSign === 'delete' && deleteSessionAudio(ctx, sessionId) > 0;
  return { audioDeleted, transcriptExpiresAt: expires };
}

/**
 * Deletes a session's audio by crypto-shredding: the keys go first (with
 * the audit entry, in one transaction), then the chunk files. A crash in
 * between leaves only undecryptable files, which the next sweep removes.
 * Returns how many recordings were deleted.
 */
export function deleteSessionAudio(
  ctx: RetentionContext,
  sessionId: string,
): number {
  const recordings = new RecordingsRepository(ctx.db)
    .forSession(sessionId)
    .filter((r) => r.deletedAt === null);
  const spoolIds = spoolIdsForSession(ctx.db, sessionId);
  if (recordings.length === 0 && spoolIds.length === 0) return 0;
  const at = nowIso(ctx.now);

  guarded(() =>
    ctx.db.transaction(() => {
      for (const spoolId of spoolIds) destroySpoolKey(ctx.db, spoolId);
      for (const r of recordings)
        new RecordingsRepository(ctx.db).markDeleted(r.id, at);
      ctx.db
        .prepare('UPDATE sessions SET audio_deleted_at = ? WHERE id = ?')
        .run(at, sessionId);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'delete',
          objectType: 'audio',
          objectId: sessionId,
          detail: { recordings: recordings.length, keys: spoolIds.length },
        },
        ctx.now,
      );
    })(),
  );
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');

  for (const spoolId of new Set([
    ...spoolIds,
    ...recordings.flatMap((r) => (r.spoolId ? [r.spoolId] : [])),
  ])) {
    deleteSpool(ctx.spoolRoot, spoolId);
  }
  log().info('retention.audio_deleted', {
    sessionId,
    recordings: recordings.length,
  });
  return Math.max(recordings.length, spoolIds.length);
}

/**
 * The periodic sweep: removes transcripts past their date and spool folders
 * whose key is already gone. Safe to run at every start.
 */
export function sweepRetention(ctx: RetentionContext): {
  transcriptsPurged: number;
  orphanSpools: number;
} {
  const now = nowIso(ctx.now);
  const due = ctx.db
    .prepare(
      'SELECT id FROM sessions WHERE transcript_expires_at <= ? AND transcript_purged_at IS NULL',
    )
    .pluck()
    .all(now) as string[];
  for (const sessionId of due) purgeTranscript(ctx, sessionId, now);
  const orphanSpools = removeOrphanSpools(ctx);
  log().info('retention.swept', {
    transcriptsPurged: due.length,
    orphanSpools,
  });
  return { transcriptsPurged: due.length, orphanSpools };
}

function purgeTranscript(
  ctx: RetentionContext,
  sessionId: string,
  at: string,
): void {
  guarded(() =>
    ctx.db.transaction(() => {
      const segments = new TranscriptsRepository(ctx.db).purge(sessionId);
      ctx.db
        .prepare('UPDATE sessions SET transcript_purged_at = ? WHERE id = ?')
        .run(at, sessionId);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'delete',
          objectType: 'transcript',
          objectId: sessionId,
          detail: { segments },
        },
        ctx.now,
      );
    })(),
  );
}

function removeOrphanSpools(ctx: RetentionContext): number {
  if (!existsSync(ctx.spoolRoot)) return 0;
  let removed = 0;
  for (const entry of readdirSync(ctx.spoolRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || getSpoolKey(ctx.db, entry.name)) continue;
    rmSync(path.join(ctx.spoolRoot, entry.name), {
      recursive: true,
      force: true,
    });
    removed++;
  }
  return removed;
}
