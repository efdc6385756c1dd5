import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';
import { NotesRepository } from './notes';
import { ProcessNotesRepository } from './processNotes';

describe('NotesRepository', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  function draft() {
    t = openTestDatabase();
    const ids = seedSession(t.db);
    const notes = new NotesRepository(t.db);
    const first = notes.createDraft({
      sessionId: ids.sessionId,
      template: 'soap',
      content: { plan: 'weekly', subjective: 'sleep poor' },
      authorId: 'llm',
    });
    return { ...ids, notes, noteId: first.noteId };
  }

  it('keeps every version with the diff of the clinician edits', () => {
    const { notes, noteId, clinicianId } = draft();
    const edit = notes.saveEdit(
      noteId,
      { subjective: 'sleeps 4h', plan: 'weekly' },
      clinicianId,
    );
    expect(edit).toMatchObject({
      version: 2,
      kind: 'edited',
      authorId: clinicianId,
    });
    expect(edit.diff).toContain('-  "subjective": "sleep poor"');
    expect(edit.diff).toContain('+  "subjective": "sleeps 4h"');
    expect(edit.diff).not.toContain('-  "plan"');
    expect(notes.versions(noteId).map((v) => v.kind)).toEqual([
      'draft',
      'edited',
    ]);
  });

  it('freezes a signed note; corrections are signed amendments with a reason', () => {
    const { notes, noteId, clinicianId } = draft();
    const signed = notes.sign(noteId, clinicianId, '2026-12-01T10:00:00.000Z');
    expect(signed).toMatchObject({
      kind: 'signed',
      signedBy: clinicianId,
      signedAt: '2026-12-01T10:00:00.000Z',
      diff: '',
    });
    expect(() => notes.saveEdit(noteId, { plan: 'x' }, clinicianId)).toThrow(
      expect.objectContaining({ kind: 'note_locked' }),
    );
    expect(() => notes.sign(noteId, clinicianId)).toThrow(
      expect.objectContaining({ kind: 'note_locked' }),
    );
    expect(() => notes.amend(noteId, { plan: 'x' }, '  ', clinicianId)).toThrow(
      expect.objectContaining({ kind: 'note_invalid' }),
    );

    const amended = notes.amend(
      noteId,
      { plan: 'biweekly', subjective: 'sleep poor' },
      'wrong frequency',
      clinicianId,
    );
    expect(amended).toMatchObject({
      version: 3,
      kind: 'amended',
      amendmentReason: 'wrong frequency',
    });
    expect(amended.diff).toContain('+  "plan": "biweekly"');
    expect(notes.get(noteId)?.status).toBe('amended');
    expect(notes.versions(noteId)[1]?.content).toEqual({
      plan: 'weekly',
      subjective: 'sleep poor',
    });
  });

  it('cannot amend a note that was never signed', () => {
    const { notes, noteId } = draft();
    expect(() => notes.amend(noteId, {}, 'reason', 'u')).toThrow(
      expect.objectContaining({ kind: 'note_invalid' }),
    );
  });

  it('keeps process notes private to their author', () => {
    const { sessionId, clinicianId } = draft();
    const repo = new ProcessNotesRepository(t!.db);
    const note = repo.create(clinicianId, sessionId, 'my impressions');
    expect(repo.get(clinicianId, note.id).content).toBe('my impressions');
    expect(() => repo.get('supervisor-1', note.id)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(() => repo.update('admin-1', note.id, 'x')).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(repo.forSession('supervisor-1', sessionId)).toEqual([]);
    expect(repo.update(clinicianId, note.id, 'revised').content).toBe(
      'revised',
    );
  });
});
