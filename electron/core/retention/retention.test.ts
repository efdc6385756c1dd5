import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAudit } from '../audit/audit';
import { getSpoolKey, createSpoolKey } from '../spool/spoolKeys';
import { SpoolWriter } from '../spool/spoolWriter';
import { readSpool } from '../spool/spoolReader';
import { NotesRepository } from '../store/repositories/notes';
import { RecordingsRepository } from '../store/repositories/recordings';
import { SessionsRepository } from '../store/repositories/sessions';
import { TranscriptsRepository } from '../store/repositories/transcripts';
import {
  openTestDatabase,
  seedSession,
  type TestDatabase,
} from '../store/testDb';
import { RetentionPolicies } from './policy';
import { signNote, sweepRetention } from './retention';

function capturedSession(t: TestDatabase, part2Program?: string) {
  const ids = seedSession(t.db, part2Program ? { part2Program } : {});
  const spoolRoot = path.join(t.dir, 'spool');
  const key = createSpoolKey(t.db, `spool-${ids.sessionId}`, ids.sessionId);
  const writer = SpoolWriter.start({
    root: spoolRoot,
    spoolId: `spool-${ids.sessionId}`,
    sessionId: ids.sessionId,
    key,
    sampleRate: 16000,
    channels: 2,
    sampleFormat: 's16le',
    chunkSeconds: 1,
  });
  writer.write(Buffer.alloc(16000 * 4 * 3, 7));
  writer.close();
  new RecordingsRepository(t.db).add({
    sessionId: ids.sessionId,
    spoolId: `spool-${ids.sessionId}`,
    path: null,
    channelMap: ['clinician', 'client'],
    sampleRate: 16000,
  });
  new TranscriptsRepository(t.db).upsertSegments(ids.sessionId, [
    {
      id: 's1',
      start: 0,
      end: 2,
      role: 'client',
      channel: 1,
      text: 'words',
      confidence: 0.9,
    },
  ]);
  const note = new NotesRepository(t.db).createDraft({
    sessionId: ids.sessionId,
    template: 'soap',
    content: { s: 'x' },
    authorId: ids.clinicianId,
  });
  return {
    ...ids,
    spoolRoot,
    spoolId: `spool-${ids.sessionId}`,
    key,
    noteId: note.noteId,
  };
}

describe('retention', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('signing under the default policy shreds the audio; the transcript stays until its date', () => {
    t = openTestDatabase();
    const s = capturedSession(t);
    const signedAt = new Date('2026-12-01T10:00:00Z');
    expect(readSpool(s.spoolRoot, s.spoolId, s.key).chunks).toBe(3);

    signNote(
      { db: t.db, spoolRoot: s.spoolRoot, actor: s.clinicianId, now: signedAt },
      s.noteId,
    );

    expect(getSpoolKey(t.db, s.spoolId)).toBeNull();
    expect(existsSync(path.join(s.spoolRoot, s.spoolId))).toBe(false);
    expect(
      new RecordingsRepository(t.db).forSession(s.sessionId)[0]?.deletedAt,
    ).not.toBeNull();
    const session = new SessionsRepository(t.db).require(s.sessionId);
    expect(session.audioDeletedAt).not.toBeNull();
    expect(session.transcriptExpiresAt).toBe('2026-12-31T10:00:00.000Z');

    const ctx = { db: t.db, spoolRoot: s.spoolRoot, actor: 'system' };
    sweepRetention({ ...ctx, now: new Date('2026-12-31T09:59:59Z') });
    expect(new TranscriptsRepository(t.db).count(s.sessionId)).toBe(1);
    sweepRetention({ ...ctx, now: new Date('2026-12-31T10:00:00Z') });
    expect(new TranscriptsRepository(t.db).count(s.sessionId)).toBe(0);

    expect(listAudit(t.db).map((e) => `${e.action}:${e.objectType}`)).toEqual([
      'sign:note',
      'delete:audio',
      'delete:transcript',
    ]);
    expect(verifyAudit(t.db).ok).toBe(true);
  });

  it('follows a Part 2 program policy, and audits the policy change', () => {
    t = openTestDatabase();
    new RetentionPolicies(t.db).set(
      { programId: 'otp-1', audioOnSign: 'keep', transcriptDays: 7 },
      'admin-1',
    );
    const s = capturedSession(t, 'otp-1');
    signNote(
      {
        db: t.db,
        spoolRoot: s.spoolRoot,
        actor: s.clinicianId,
        now: new Date('2026-12-01T00:00:00Z'),
      },
      s.noteId,
    );

    expect(getSpoolKey(t.db, s.spoolId)).not.toBeNull();
    expect(readSpool(s.spoolRoot, s.spoolId, s.key).chunks).toBe(3);
    expect(
      new SessionsRepository(t.db).require(s.sessionId).transcriptExpiresAt,
    ).toBe('2026-12-08T00:00:00.000Z');
    const change = listAudit(t.db)[0];
    expect(change).toMatchObject({
      action: 'policy_change',
      objectId: 'otp-1',
      detail: { transcriptDays: 7, previousTranscriptDays: 30 },
    });
  });

  it('rejects a negative retention period', () => {
    t = openTestDatabase();
    expect(() =>
      new RetentionPolicies(t!.db).set(
        { programId: 'default', audioOnSign: 'delete', transcriptDays: -1 },
        'a',
      ),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
  });
});
