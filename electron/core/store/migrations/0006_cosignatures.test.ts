import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { NotesRepository } from '../repositories/notes';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';

describe('migration 0006 cosignatures', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('adds permanent co-signatures of existing note versions', () => {
    t = openTestDatabase({ migrateTo: 5 });
    const db = t.db;
    const { sessionId } = seedSession(db);
    const notes = new NotesRepository(db);
    const draft = notes.createDraft({
      sessionId,
      template: 'soap',
      content: { a: 1 },
      authorId: 'u1',
    });
    const signed = notes.sign(draft.noteId, 'u1');
    expect(migrate(db, { to: 6 })).toBe(6);

    const insert = db.prepare(
      'INSERT INTO note_cosignatures VALUES (?, ?, ?, ?)',
    );
    insert.run(signed.noteId, signed.version, 'sup1', '2026-12-03T10:00:00Z');
    expect(() => insert.run(signed.noteId, 99, 'sup1', 'n')).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare('DELETE FROM note_cosignatures').run()).toThrow(
      /permanent/,
    );
    expect(() =>
      db.prepare("UPDATE note_cosignatures SET cosigner_id = 'x'").run(),
    ).toThrow(/permanent/);
  });
});
