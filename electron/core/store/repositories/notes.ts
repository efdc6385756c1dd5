import { createPatch } from 'diff';
import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { errorCode, guarded } from '../sqliteErrors';
import { accessAudit, type AccessAudit } from './accessAudit';

export type NoteVersionKind = 'draft' | 'edited' | 'signed' | 'amended';

export interface NoteVersion {
  noteId: string;
  version: number;
  kind: NoteVersionKind;
  content: unknown;
  /** Unified diff of the content against the previous version ('' for the first). */
  diff: string;
  authorId: string;
  signedBy: string | null;
  signedAt: string | null;
  amendmentReason: string | null;
  createdAt: string;
}

export interface Note {
  id: string;
  sessionId: string;
  template: string;
  status: NoteVersionKind;
  currentVersion: number;
}

interface VersionRow {
  note_id: string;
  version: number;
  kind: NoteVersionKind;
  content_json: string;
  diff: string;
  author_id: string;
  signed_by: string | null;
  signed_at: string | null;
  amendment_reason: string | null;
  created_at: string;
}

/**
 * Progress notes as an append-only list of versions. Every save is a new
 * version holding the diff of the clinician's edits; signing freezes the
 * note, after which only signed amendments with a reason are accepted
 * (45 CFR 164.526). The SQLite triggers of migration 0003 enforce the same.
 */
export class NotesRepository {
  private readonly audit: AccessAudit;

  /** With `actor`, every create, read, edit and signature is audited. */
  constructor(
    private readonly db: Database,
    actor?: string,
  ) {
    this.audit = accessAudit(db, actor);
  }

  createDraft(input: {
    sessionId: string;
    template: string;
    content: unknown;
    authorId: string;
  }): NoteVersion {
    const id = newId();
    const now = nowIso();
    return this.write(() => {
      this.db
        .prepare(`INSERT INTO notes VALUES (?, ?, ?, 'draft', 1, ?, ?)`)
        .run(id, input.sessionId, input.template, now, now);
      return this.insertVersion(id, 'draft', input.content, input.authorId, {});
    });
  }

  /**
   * Saves the clinician's edits as a new version with their diff. A
   * `template` (a redraft in another template) becomes the note's template.
   */
  saveEdit(
    noteId: string,
    content: unknown,
    authorId: string,
    template?: string,
  ): NoteVersion {
    return this.write(() => {
      this.assertUnsigned(noteId);
      if (template !== undefined)
        this.db
          .prepare('UPDATE notes SET template = ? WHERE id = ?')
          .run(template, noteId);
      return this.insertVersion(noteId, 'edited', content, authorId, {});
    });
  }

  /** Signs the latest content as a new, immutable version. */
  sign(noteId: string, signerId: string, at: string = nowIso()): NoteVersion {
    return this.write(() => {
      this.assertUnsigned(noteId);
      const latest = this.requireLatest(noteId);
      return this.insertVersion(noteId, 'signed', latest.content, signerId, {
        signedBy: signerId,
        signedAt: at,
      });
    });
  }

  /** Corrects a signed note: a new signed version with a documented reason. */
  amend(
    noteId: string,
    content: unknown,
    reason: string,
    authorId: string,
  ): NoteVersion {
    if (reason.trim() === '')
      throw new AppError('note_invalid', 'An amendment needs a reason.');
    return this.write(() => {
      if (!this.signedRow(noteId))
        throw new AppError('note_invalid', 'Only a signed note is amended.');
      return this.insertVersion(noteId, 'amended', content, authorId, {
        signedBy: authorId,
        signedAt: nowIso(),
        reason,
      });
    });
  }

  get(noteId: string): Note | null {
    const row = this.db
      .prepare('SELECT * FROM notes WHERE id = ?')
      .get(noteId) as
      | {
          id: string;
          session_id: string;
          template: string;
          status: NoteVersionKind;
          current_version: number;
        }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      sessionId: row.session_id,
      template: row.template,
      status: row.status,
      currentVersion: row.current_version,
    };
  }

  forSession(sessionId: string): Note[] {
    const ids = this.db
      .prepare('SELECT id FROM notes WHERE session_id = ? ORDER BY created_at')
      .pluck()
      .all(sessionId);
    return (ids as string[]).map((id) => this.get(id) as Note);
  }

  /** Every version, oldest first (a read of the note). */
  versions(noteId: string): NoteVersion[] {
    const rows = this.db
      .prepare('SELECT * FROM note_versions WHERE note_id = ? ORDER BY version')
      .all(noteId) as VersionRow[];
    this.audit('read', 'note', noteId, { versions: rows.length });
    return rows.map(toVersion);
  }

  /** The current version (a read of the note). */
  latest(noteId: string): NoteVersion | null {
    const version = this.latestRow(noteId);
    if (version)
      this.audit('read', 'note', noteId, { version: version.version });
    return version;
  }

  /** The signed version, if any (a read of the note). */
  signedVersion(noteId: string): NoteVersion | null {
    const version = this.signedRow(noteId);
    if (version)
      this.audit('read', 'note', noteId, { version: version.version });
    return version;
  }

  private latestRow(noteId: string): NoteVersion | null {
    const row = this.db
      .prepare(
        'SELECT * FROM note_versions WHERE note_id = ? ORDER BY version DESC LIMIT 1',
      )
      .get(noteId) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  private signedRow(noteId: string): NoteVersion | null {
    const row = this.db
      .prepare(
        `SELECT * FROM note_versions WHERE note_id = ? AND kind = 'signed'`,
      )
      .get(noteId) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  private requireLatest(noteId: string): NoteVersion {
    const latest = this.latestRow(noteId);
    if (!latest) throw new AppError('not_found', 'No such note.');
    return latest;
  }

  private assertUnsigned(noteId: string): void {
    if (this.signedRow(noteId)) {
      throw new AppError(
        'note_locked',
        'The note is signed; corrections are amendments.',
      );
    }
  }

  private insertVersion(
    noteId: string,
    kind: NoteVersionKind,
    content: unknown,
    authorId: string,
    sign: { signedBy?: string; signedAt?: string; reason?: string },
  ): NoteVersion {
    const previous = this.latestRow(noteId);
    const text = canonicalText(content);
    const before = previous ? canonicalText(previous.content) : text;
    const diff =
      before === text ? '' : createPatch(noteId, before, text, '', '');
    const version = (previous?.version ?? 0) + 1;
    this.db
      .prepare(
        'INSERT INTO note_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        noteId,
        version,
        kind,
        JSON.stringify(content),
        diff,
        authorId,
        sign.signedBy ?? null,
        sign.signedAt ?? null,
        sign.reason ?? null,
        nowIso(),
      );
    this.db
      .prepare(
        'UPDATE notes SET status = ?, current_version = ?, updated_at = ? WHERE id = ?',
      )
      .run(kind, version, nowIso(), noteId);
    this.audit(VERSION_ACTION[kind], 'note', noteId, { version });
    return this.requireLatest(noteId);
  }

  private write(fn: () => NoteVersion): NoteVersion {
    try {
      return guarded(() => this.db.transaction(fn)());
    } catch (error) {
      throw lockedFromTrigger(error);
    }
  }
}

const VERSION_ACTION = {
  draft: 'create',
  edited: 'update',
  signed: 'sign',
  amended: 'amend',
} as const satisfies Record<NoteVersionKind, string>;

/** Pretty JSON with sorted keys, so diffs show edits and not key order. */
function canonicalText(content: unknown): string {
  return `${JSON.stringify(content, sortedReplacer, 2)}\n`;
}

function sortedReplacer(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(
    ([a], [b]) => a.localeCompare(b),
  );
  return Object.fromEntries(entries);
}

function lockedFromTrigger(error: unknown): unknown {
  const cause = (error as { cause?: unknown }).cause;
  if (
    errorCode(cause).startsWith('SQLITE_CONSTRAINT') &&
    (cause as Error).message.includes('note_locked')
  ) {
    return new AppError(
      'note_locked',
      'The note is signed; corrections are amendments.',
      { cause },
    );
  }
  return error;
}

function toVersion(row: VersionRow): NoteVersion {
  return {
    noteId: row.note_id,
    version: row.version,
    kind: row.kind,
    content: JSON.parse(row.content_json) as unknown,
    diff: row.diff,
    authorId: row.author_id,
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    amendmentReason: row.amendment_reason,
    createdAt: row.created_at,
  };
}
