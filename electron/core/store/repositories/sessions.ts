import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';
import { accessAudit, type AccessAudit } from './accessAudit';

export const SESSION_STATUSES = [
  'preparing',
  'recording',
  'paused',
  'finalizing',
  'saved',
  'interrupted',
  'failed',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface Pause {
  start: string;
  end: string | null;
}

export interface SessionRecord {
  id: string;
  appointmentId: string | null;
  clientId: string;
  clinicianId: string;
  status: SessionStatus;
  startedAt: string | null;
  endedAt: string | null;
  pauses: Pause[];
  transcriptExpiresAt: string | null;
  transcriptPurgedAt: string | null;
  audioDeletedAt: string | null;
}

/** A session in a list, with its client's name for display and search. */
export interface SessionSummary extends SessionRecord {
  clientGivenName: string;
  clientFamilyName: string;
}

export interface SessionQuery {
  clinicianId?: string;
  clientId?: string;
  /** Prefix of the client's given or family name. */
  text?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

interface SessionRow {
  id: string;
  appointment_id: string | null;
  client_id: string;
  clinician_id: string;
  status: SessionStatus;
  started_at: string | null;
  ended_at: string | null;
  pauses_json: string;
  transcript_expires_at: string | null;
  transcript_purged_at: string | null;
  audio_deleted_at: string | null;
  given_name?: string;
  family_name?: string;
}

/** Recording sessions: one per appointment attempt. */
export class SessionsRepository {
  private readonly audit: AccessAudit;

  /** With `actor`, creations and changes are audited. */
  constructor(
    private readonly db: Database,
    actor?: string,
  ) {
    this.audit = accessAudit(db, actor);
  }

  create(input: {
    id?: string;
    appointmentId?: string;
    clientId: string;
    clinicianId: string;
  }): SessionRecord {
    const id = input.id ?? newId();
    const now = nowIso();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO sessions (id, appointment_id, client_id, clinician_id, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'preparing', ?, ?)`,
        )
        .run(
          id,
          input.appointmentId ?? null,
          input.clientId,
          input.clinicianId,
          now,
          now,
        ),
    );
    this.audit('create', 'session', id);
    return this.require(id);
  }

  get(id: string): SessionRecord | null {
    const row = this.db
      .prepare('SELECT * FROM sessions WHERE id = ?')
      .get(id) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  require(id: string): SessionRecord {
    const session = this.get(id);
    if (!session) throw new AppError('not_found', 'No such session.');
    return session;
  }

  /** Moves the session along; `recording` stamps the start, `saved` the end. */
  setStatus(id: string, status: SessionStatus, at: string = nowIso()): void {
    if (!SESSION_STATUSES.includes(status))
      throw new AppError('invalid_request', 'Unknown session status.');
    guarded(() =>
      this.db
        .prepare(
          `UPDATE sessions SET status = @status, updated_at = @at,
             started_at = CASE WHEN @status = 'recording' AND started_at IS NULL THEN @at ELSE started_at END,
             ended_at = CASE WHEN @status IN ('saved', 'interrupted', 'failed') THEN @at ELSE ended_at END
           WHERE id = @id`,
        )
        .run({ id, status, at }),
    );
  }

  setPauses(id: string, pauses: Pause[]): void {
    guarded(() =>
      this.db
        .prepare(
          'UPDATE sessions SET pauses_json = ?, updated_at = ? WHERE id = ?',
        )
        .run(JSON.stringify(pauses), nowIso(), id),
    );
  }

  /** Newest first; filters combine. Serves the session list and its search box. */
  list(query: SessionQuery = {}): SessionSummary[] {
    const like = query.text ? `${query.text.replace(/[%_]/g, '')}%` : null;
    const rows = this.db
      .prepare(
        `SELECT s.*, c.given_name, c.family_name FROM sessions s JOIN clients c ON c.id = s.client_id
         WHERE (@clinicianId IS NULL OR s.clinician_id = @clinicianId)
           AND (@clientId IS NULL OR s.client_id = @clientId)
           AND (@like IS NULL OR c.family_name LIKE @like OR c.given_name LIKE @like)
           AND (@from IS NULL OR s.started_at >= @from)
           AND (@to IS NULL OR s.started_at < @to)
         ORDER BY s.started_at DESC LIMIT @limit OFFSET @offset`,
      )
      .all({
        clinicianId: query.clinicianId ?? null,
        clientId: query.clientId ?? null,
        like,
        from: query.from ?? null,
        to: query.to ?? null,
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      }) as SessionRow[];
    return rows.map((row) => ({
      ...toSession(row),
      clientGivenName: row.given_name ?? '',
      clientFamilyName: row.family_name ?? '',
    }));
  }
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    appointmentId: row.appointment_id,
    clientId: row.client_id,
    clinicianId: row.clinician_id,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    pauses: JSON.parse(row.pauses_json) as Pause[],
    transcriptExpiresAt: row.transcript_expires_at,
    transcriptPurgedAt: row.transcript_purged_at,
    audioDeletedAt: row.audio_deleted_at,
  };
}
