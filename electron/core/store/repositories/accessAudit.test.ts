import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../../audit/audit';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';
import { createRepositories } from './index';

describe('access audit', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  const trail = (t: TestDatabase) =>
    listAudit(t.db).map((e) => `${e.actor} ${e.action} ${e.objectType}`);

  it('records creates, reads, signatures and deletes of PHI by the actor', () => {
    t = openTestDatabase();
    const { sessionId, clinicianId } = seedSession(t.db);
    const r = createRepositories(t.db, clinicianId);
    const segment = { id: 'a', start: 0, end: 1, role: 'client' as const };
    r.transcripts.upsertSegments(sessionId, [
      { ...segment, channel: 1, text: 'x', confidence: 1 },
    ]);
    r.transcripts.segments(sessionId);
    const draft = r.notes.createDraft({
      sessionId,
      template: 'soap',
      content: {},
      authorId: clinicianId,
    });
    r.notes.latest(draft.noteId);
    r.notes.sign(draft.noteId, clinicianId);
    r.transcripts.purge(sessionId);

    expect(trail(t).map((line) => line.replace(`${clinicianId} `, ''))).toEqual(
      [
        'create transcript',
        'read transcript',
        'create note',
        'read note',
        'sign note',
        'delete transcript',
      ],
    );
    expect(verifyAudit(t.db).ok).toBe(true);
  });

  it('records a refused read of another clinician’s process note', () => {
    t = openTestDatabase();
    const { sessionId, clinicianId } = seedSession(t.db);
    const own = createRepositories(t.db, clinicianId).processNotes;
    const note = own.create(clinicianId, sessionId, 'private');
    const other = createRepositories(t.db, 'sup-1').processNotes;
    expect(() => other.get('sup-1', note.id)).toThrow();
    expect(trail(t)).toEqual([
      `${clinicianId} create process_note`,
      'sup-1 deny process_note',
    ]);
  });

  it('records nothing without an actor', () => {
    t = openTestDatabase();
    const { sessionId } = seedSession(t.db);
    createRepositories(t.db).transcripts.segments(sessionId);
    expect(listAudit(t.db)).toEqual([]);
  });
});
