import { AppError } from '../../contract/errors';
import { appendAudit } from '../audit/audit';
import type { Database } from '../store/database';
import { guarded } from '../store/sqliteErrors';
import { RecordingsRepository } from '../store/repositories/recordings';
import { SessionsRepository } from '../store/repositories/sessions';
import { getSpoolKey } from './spoolKeys';
import {
  findInterruptedSessions,
  recoverSession,
  type SpoolAudio,
} from './spoolReader';

/** An interrupted capture to offer the clinician at start-up. */
export interface RecoverableSession {
  spoolId: string;
  sessionId: string;
  startedAt: string;
  chunkFiles: number;
  /** False when retention already shredded the key: nothing to recover. */
  recoverable: boolean;
}

export function listRecoverable(
  db: Database,
  root: string,
): RecoverableSession[] {
  return findInterruptedSessions(root).map(({ marker, chunkFiles }) => ({
    spoolId: marker.spoolId,
    sessionId: marker.sessionId,
    startedAt: marker.startedAt,
    chunkFiles,
    recoverable: getSpoolKey(db, marker.spoolId) !== null,
  }));
}

/**
 * Recovers an interrupted capture: the audio up to the last complete chunk
 * becomes the session's recording, the session is marked `interrupted`
 * (so the note says so), and the recovery is audited.
 */
export function acceptRecovery(
  db: Database,
  root: string,
  spoolId: string,
  actor: string,
): SpoolAudio {
  const key = getSpoolKey(db, spoolId);
  if (!key) {
    throw new AppError(
      'not_found',
      "This session's audio was deleted; there is nothing to recover.",
    );
  }
  const audio = recoverSession(root, spoolId, key);
  const sessionId = audio.marker.sessionId;
  guarded(() =>
    db.transaction(() => {
      const recordings = new RecordingsRepository(db);
      for (const r of recordings.forSession(sessionId)) {
        if (r.spoolId === spoolId)
          recordings.setDuration(r.id, audio.durationSec);
      }
      new SessionsRepository(db).setStatus(sessionId, 'interrupted');
      appendAudit(db, {
        actor,
        action: 'recover',
        objectType: 'session',
        objectId: sessionId,
        detail: { chunks: audio.chunks, durationSec: audio.durationSec },
      });
    })(),
  );
  return audio;
}
