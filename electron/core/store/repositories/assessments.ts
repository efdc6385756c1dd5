import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

/**
 * A scored instrument (PHQ-9, GAD-7, ...). Answers heard in the session are
 * `proposed` until the clinician confirms them; only confirmed results go
 * into a signed note or a claim (96127).
 */
export interface AssessmentRecord {
  id: string;
  sessionId: string | null;
  clientId: string;
  instrument: string;
  answers: unknown;
  total: number | null;
  severity: string | null;
  source: 'form' | 'verbal';
  status: 'proposed' | 'confirmed';
  confirmedBy: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

export type NewAssessment = Pick<
  AssessmentRecord,
  'clientId' | 'instrument' | 'answers' | 'total' | 'severity' | 'source'
> & {
  sessionId?: string;
};

interface Row {
  id: string;
  session_id: string | null;
  client_id: string;
  instrument: string;
  answers_json: string;
  total: number | null;
  severity: string | null;
  source: 'form' | 'verbal';
  status: 'proposed' | 'confirmed';
  confirmed_by: string | null;
  confirmed_at: string | null;
  created_at: string;
}

export class AssessmentsRepository {
  constructor(private readonly db: Database) {}

  propose(input: NewAssessment): AssessmentRecord {
    const id = newId();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO assessments VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'proposed', NULL, NULL, ?)`,
        )
        .run(
          id,
          input.sessionId ?? null,
          input.clientId,
          input.instrument,
          JSON.stringify(input.answers),
          input.total,
          input.severity,
          input.source,
          nowIso(),
        ),
    );
    return this.require(id);
  }

  /** Confirms, optionally with the clinician's corrected answers and score. */
  confirm(
    id: string,
    userId: string,
    corrected?: Pick<AssessmentRecord, 'answers' | 'total' | 'severity'>,
  ): AssessmentRecord {
    const current = this.require(id);
    if (current.status === 'confirmed')
      throw new AppError('conflict', 'The assessment is already confirmed.');
    const next = corrected ?? current;
    guarded(() =>
      this.db
        .prepare(
          `UPDATE assessments SET status = 'confirmed', answers_json = ?, total = ?, severity = ?,
             confirmed_by = ?, confirmed_at = ? WHERE id = ?`,
        )
        .run(
          JSON.stringify(next.answers),
          next.total,
          next.severity,
          userId,
          nowIso(),
          id,
        ),
    );
    return this.require(id);
  }

  require(id: string): AssessmentRecord {
    const row = this.db
      .prepare('SELECT * FROM assessments WHERE id = ?')
      .get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', 'No such assessment.');
    return toRecord(row);
  }

  forSession(sessionId: string): AssessmentRecord[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM assessments WHERE session_id = ? ORDER BY created_at',
      )
      .all(sessionId);
    return (rows as Row[]).map(toRecord);
  }

  /** A client's history of one instrument, oldest first (for trend charts). */
  history(clientId: string, instrument: string): AssessmentRecord[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM assessments WHERE client_id = ? AND instrument = ? ORDER BY created_at',
      )
      .all(clientId, instrument);
    return (rows as Row[]).map(toRecord);
  }
}

function toRecord(row: Row): AssessmentRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    clientId: row.client_id,
    instrument: row.instrument,
    answers: JSON.parse(row.answers_json) as unknown,
    total: row.total,
    severity: row.severity,
    source: row.source,
    status: row.status,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at,
    createdAt: row.created_at,
  };
}
