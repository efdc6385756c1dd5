import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';
import { accessAudit, type AccessAudit } from './accessAudit';

/**
 * HIPAA psychotherapy notes (45 CFR 164.501): the clinician's private
 * process notes. Only the author reads or changes them; they are never part
 * of the progress note, an export or a claim.
 */
export interface ProcessNote {
  id: string;
  sessionId: string;
  authorId: string;
  content: string;
  updatedAt: string;
}

interface Row {
  id: string;
  session_id: string;
  author_id: string;
  content: string;
  updated_at: string;
}

export class ProcessNotesRepository {
  private readonly audit: AccessAudit;

  /** With `actor` set, accesses are audited (including refused ones). */
  constructor(
    private readonly db: Database,
    actor?: string,
  ) {
    this.audit = accessAudit(db, actor);
  }

  create(actorId: string, sessionId: string, content: string): ProcessNote {
    const id = newId();
    const now = nowIso();
    guarded(() =>
      this.db
        .prepare('INSERT INTO process_notes VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, sessionId, actorId, content, now, now),
    );
    this.audit('create', 'process_note', id);
    return this.load(actorId, id);
  }

  update(actorId: string, id: string, content: string): ProcessNote {
    this.load(actorId, id);
    guarded(() =>
      this.db
        .prepare(
          'UPDATE process_notes SET content = ?, updated_at = ? WHERE id = ?',
        )
        .run(content, nowIso(), id),
    );
    this.audit('update', 'process_note', id);
    return this.load(actorId, id);
  }

  /** Throws `forbidden` for anyone but the author, supervisors and admins included. */
  get(actorId: string, id: string): ProcessNote {
    const note = this.load(actorId, id);
    this.audit('read', 'process_note', id);
    return note;
  }

  private load(actorId: string, id: string): ProcessNote {
    const row = this.db
      .prepare('SELECT * FROM process_notes WHERE id = ?')
      .get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', 'No such process note.');
    if (row.author_id !== actorId) {
      this.audit('deny', 'process_note', id);
      throw new AppError(
        'forbidden',
        'Process notes are private to their author.',
      );
    }
    return toNote(row);
  }

  /** The actor's own process notes for a session; others' are invisible. */
  forSession(actorId: string, sessionId: string): ProcessNote[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM process_notes WHERE author_id = ? AND session_id = ? ORDER BY created_at',
      )
      .all(actorId, sessionId) as Row[];
    return rows.map(toNote);
  }

  delete(actorId: string, id: string): void {
    this.load(actorId, id);
    guarded(() =>
      this.db.prepare('DELETE FROM process_notes WHERE id = ?').run(id),
    );
    this.audit('delete', 'process_note', id);
  }
}

function toNote(row: Row): ProcessNote {
  return {
    id: row.id,
    sessionId: row.session_id,
    authorId: row.author_id,
    content: row.content,
    updatedAt: row.updated_at,
  };
}
