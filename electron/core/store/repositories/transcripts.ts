import type { Segment } from '../../domain/transcript';
import type { Database } from '../database';
import { guarded } from '../sqliteErrors';
import { accessAudit, type AccessAudit } from './accessAudit';

interface SegmentRow {
  id: string;
  start_sec: number;
  end_sec: number;
  role: Segment['role'];
  channel: number;
  text: string;
  confidence: number;
}

/** Finalized transcript segments of a session, in time order. */
export class TranscriptsRepository {
  private readonly audit: AccessAudit;

  /** With `actor`, writes, reads and purges are audited. */
  constructor(
    private readonly db: Database,
    actor?: string,
  ) {
    this.audit = accessAudit(db, actor);
  }

  /** Adds or replaces segments by id (a re-run of recognition overwrites). */
  upsertSegments(sessionId: string, segments: readonly Segment[]): void {
    const insert = this.db.prepare(
      `INSERT INTO transcript_segments VALUES (@sessionId, @id, @start, @end, @role, @channel, @text, @confidence)
       ON CONFLICT(session_id, id) DO UPDATE SET start_sec = excluded.start_sec, end_sec = excluded.end_sec,
         role = excluded.role, channel = excluded.channel, text = excluded.text, confidence = excluded.confidence`,
    );
    guarded(() =>
      this.db.transaction(() => {
        for (const s of segments) insert.run({ sessionId, ...s });
        this.audit('create', 'transcript', sessionId, {
          segments: segments.length,
        });
      })(),
    );
  }

  segments(sessionId: string): Segment[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM transcript_segments WHERE session_id = ? ORDER BY start_sec, id',
      )
      .all(sessionId) as SegmentRow[];
    this.audit('read', 'transcript', sessionId, { segments: rows.length });
    return rows.map((r) => ({
      id: r.id,
      start: r.start_sec,
      end: r.end_sec,
      role: r.role,
      channel: r.channel,
      text: r.text,
      confidence: r.confidence,
    }));
  }

  count(sessionId: string): number {
    return Number(
      this.db
        .prepare(
          'SELECT count(*) FROM transcript_segments WHERE session_id = ?',
        )
        .pluck()
        .get(sessionId),
    );
  }

  /** Removes the session's transcript text; returns how many segments went. */
  purge(sessionId: string): number {
    const { changes } = guarded(() =>
      this.db
        .prepare('DELETE FROM transcript_segments WHERE session_id = ?')
        .run(sessionId),
    );
    this.audit('delete', 'transcript', sessionId, { segments: changes });
    return changes;
  }
}
