import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

/**
 * A possible risk found in a session (suicidal ideation, harm to others,
 * abuse). A flag is never deleted: it stays open until a clinician dismisses
 * it with a documented assessment.
 */
export interface RiskFlagRecord {
  id: string;
  sessionId: string;
  type: string;
  severity: 'low' | 'moderate' | 'high';
  /** Segment ids, quotes' positions and scores that raised the flag. */
  evidence: unknown;
  status: 'open' | 'dismissed';
  dismissalAssessment: string | null;
  dismissedBy: string | null;
  dismissedAt: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  session_id: string;
  type: string;
  severity: RiskFlagRecord['severity'];
  evidence_json: string;
  status: RiskFlagRecord['status'];
  dismissal_assessment: string | null;
  dismissed_by: string | null;
  dismissed_at: string | null;
  created_at: string;
}

export class RiskFlagsRepository {
  constructor(private readonly db: Database) {}

  raise(
    input: Pick<RiskFlagRecord, 'sessionId' | 'type' | 'severity' | 'evidence'>,
  ): RiskFlagRecord {
    const id = newId();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO risk_flags VALUES (?, ?, ?, ?, ?, 'open', NULL, NULL, NULL, ?)`,
        )
        .run(
          id,
          input.sessionId,
          input.type,
          input.severity,
          JSON.stringify(input.evidence),
          nowIso(),
        ),
    );
    return this.require(id);
  }

  /** Dismissal requires the clinician's written risk assessment. */
  dismiss(id: string, userId: string, assessment: string): RiskFlagRecord {
    if (assessment.trim() === '') {
      throw new AppError(
        'invalid_request',
        'Dismissing a risk flag needs a documented assessment.',
      );
    }
    guarded(() =>
      this.db
        .prepare(
          `UPDATE risk_flags SET status = 'dismissed', dismissal_assessment = ?, dismissed_by = ?, dismissed_at = ?
           WHERE id = ?`,
        )
        .run(assessment, userId, nowIso(), id),
    );
    return this.require(id);
  }

  require(id: string): RiskFlagRecord {
    const row = this.db
      .prepare('SELECT * FROM risk_flags WHERE id = ?')
      .get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', 'No such risk flag.');
    return toFlag(row);
  }

  forSession(sessionId: string): RiskFlagRecord[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM risk_flags WHERE session_id = ? ORDER BY created_at',
      )
      .all(sessionId);
    return (rows as Row[]).map(toFlag);
  }

  /** Open flags of a session: signing waits until this is empty. */
  openForSession(sessionId: string): RiskFlagRecord[] {
    return this.forSession(sessionId).filter((f) => f.status === 'open');
  }
}

function toFlag(row: Row): RiskFlagRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    type: row.type,
    severity: row.severity,
    evidence: JSON.parse(row.evidence_json) as unknown,
    status: row.status,
    dismissalAssessment: row.dismissal_assessment,
    dismissedBy: row.dismissed_by,
    dismissedAt: row.dismissed_at,
    createdAt: row.created_at,
  };
}
