import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

/** Which source each channel holds, e.g. `['clinician', 'client']` for a stereo capture. */
export type ChannelMap = ('clinician' | 'client' | 'mixed')[];

export interface Recording {
  id: string;
  sessionId: string;
  /** The spool folder holding the encrypted chunks, if captured live. */
  spoolId: string | null;
  /** An imported file, if not captured live. */
  path: string | null;
  channelMap: ChannelMap;
  sampleRate: number;
  durationSec: number;
  deletedAt: string | null;
}

interface RecordingRow {
  id: string;
  session_id: string;
  spool_id: string | null;
  path: string | null;
  channel_map_json: string;
  sample_rate: number;
  duration_sec: number;
  deleted_at: string | null;
}

/** Audio belonging to a session; rows outlive the audio (deleted_at) for the record. */
export class RecordingsRepository {
  constructor(private readonly db: Database) {}

  add(
    input: Omit<Recording, 'id' | 'deletedAt' | 'durationSec'> & {
      durationSec?: number;
    },
  ): Recording {
    const id = newId();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO recordings (id, session_id, spool_id, path, channel_map_json, sample_rate, duration_sec, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.sessionId,
          input.spoolId,
          input.path,
          JSON.stringify(input.channelMap),
          input.sampleRate,
          input.durationSec ?? 0,
          nowIso(),
        ),
    );
    return this.forSession(input.sessionId).find(
      (r) => r.id === id,
    ) as Recording;
  }

  setDuration(id: string, durationSec: number): void {
    guarded(() =>
      this.db
        .prepare('UPDATE recordings SET duration_sec = ? WHERE id = ?')
        .run(durationSec, id),
    );
  }

  markDeleted(id: string, at: string = nowIso()): void {
    guarded(() =>
      this.db
        .prepare('UPDATE recordings SET deleted_at = ? WHERE id = ?')
        .run(at, id),
    );
  }

  forSession(sessionId: string): Recording[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM recordings WHERE session_id = ? ORDER BY created_at',
      )
      .all(sessionId) as RecordingRow[];
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      spoolId: r.spool_id,
      path: r.path,
      channelMap: JSON.parse(r.channel_map_json) as ChannelMap,
      sampleRate: r.sample_rate,
      durationSec: r.duration_sec,
      deletedAt: r.deleted_at,
    }));
  }
}
