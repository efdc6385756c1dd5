import type { Database } from '../database';
import { nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

export interface Cosignature {
  noteId: string;
  version: number;
  cosignerId: string;
  cosignedAt: string;
}

/** Supervisors' co-signatures of signed note versions (permanent rows). */
export class CosignaturesRepository {
  constructor(private readonly db: Database) {}

  add(
    noteId: string,
    version: number,
    cosignerId: string,
    at: string = nowIso(),
  ): Cosignature {
    guarded(() =>
      this.db
        .prepare('INSERT OR IGNORE INTO note_cosignatures VALUES (?, ?, ?, ?)')
        .run(noteId, version, cosignerId, at),
    );
    return { noteId, version, cosignerId, cosignedAt: at };
  }

  forNote(noteId: string): Cosignature[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM note_cosignatures WHERE note_id = ? ORDER BY version, cosigned_at',
      )
      .all(noteId) as {
      note_id: string;
      version: number;
      cosigner_id: string;
      cosigned_at: string;
    }[];
    return rows.map((r) => ({
      noteId: r.note_id,
      version: r.version,
      cosignerId: r.cosigner_id,
      cosignedAt: r.cosigned_at,
    }));
  }
}
