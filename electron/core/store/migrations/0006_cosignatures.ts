import type { Migration } from './migration';

/**
 * Supervisor co-signatures (issue #12). A co-signature attests a signed
 * note version; it never changes the note, so it lives beside it, and like
 * the note it cannot be edited or removed.
 */
export const m0006Cosignatures: Migration = {
  version: 6,
  name: 'cosignatures',
  up(db) {
    db.exec(`
      CREATE TABLE note_cosignatures (
        note_id TEXT NOT NULL REFERENCES notes(id),
        version INTEGER NOT NULL,
        cosigner_id TEXT NOT NULL,
        cosigned_at TEXT NOT NULL,
        PRIMARY KEY (note_id, version, cosigner_id),
        FOREIGN KEY (note_id, version) REFERENCES note_versions(note_id, version)
      );
      CREATE TRIGGER note_cosignatures_no_update BEFORE UPDATE ON note_cosignatures
      BEGIN SELECT RAISE(ABORT, 'co-signatures are permanent'); END;
      CREATE TRIGGER note_cosignatures_no_delete BEFORE DELETE ON note_cosignatures
      BEGIN SELECT RAISE(ABORT, 'co-signatures are permanent'); END;
    `);
  },
};
