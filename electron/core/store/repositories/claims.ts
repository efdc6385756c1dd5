import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';
import { accessAudit, type AccessAudit } from './accessAudit';

export type ClaimStatus =
  'draft' | 'ready' | 'submitted' | 'accepted' | 'rejected' | 'paid' | 'void';

/** A claim for one session, as the X12 837P text and/or a FHIR Claim. */
export interface ClaimRecord {
  id: string;
  sessionId: string;
  status: ClaimStatus;
  x12: string | null;
  fhir: unknown;
  updatedAt: string;
}

interface Row {
  id: string;
  session_id: string;
  status: ClaimStatus;
  x12: string | null;
  fhir_json: string | null;
  updated_at: string;
}

export class ClaimsRepository {
  private readonly audit: AccessAudit;

  /** With `actor`, creations and changes are audited. */
  constructor(
    private readonly db: Database,
    actor?: string,
  ) {
    this.audit = accessAudit(db, actor);
  }

  create(input: {
    sessionId: string;
    x12?: string;
    fhir?: unknown;
  }): ClaimRecord {
    const id = newId();
    const now = nowIso();
    guarded(() =>
      this.db
        .prepare(`INSERT INTO claims VALUES (?, ?, 'draft', ?, ?, ?, ?)`)
        .run(
          id,
          input.sessionId,
          input.x12 ?? null,
          input.fhir ? JSON.stringify(input.fhir) : null,
          now,
          now,
        ),
    );
    this.audit('create', 'claim', id);
    return this.require(id);
  }

  /** Replaces the claim content; only while it has not been submitted. */
  update(id: string, content: { x12?: string; fhir?: unknown }): ClaimRecord {
    const claim = this.require(id);
    if (
      claim.status !== 'draft' &&
      claim.status !== 'ready' &&
      claim.status !== 'rejected'
    ) {
      throw new AppError(
        'conflict',
        'A submitted claim is not edited; void it and create a new one.',
      );
    }
    guarded(() =>
      this.db
        .prepare(
          'UPDATE claims SET x12 = ?, fhir_json = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          content.x12 ?? claim.x12,
          content.fhir
            ? JSON.stringify(content.fhir)
            : claim.fhir
              ? JSON.stringify(claim.fhir)
              : null,
          nowIso(),
          id,
        ),
    );
    this.audit('update', 'claim', id);
    return this.require(id);
  }

  setStatus(id: string, status: ClaimStatus): ClaimRecord {
    guarded(() =>
      this.db
        .prepare('UPDATE claims SET status = ?, updated_at = ? WHERE id = ?')
        .run(status, nowIso(), id),
    );
    this.audit('update', 'claim', id, { status });
    return this.require(id);
  }

  require(id: string): ClaimRecord {
    const row = this.db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as
      Row | undefined;
    if (!row) throw new AppError('not_found', 'No such claim.');
    return toClaim(row);
  }

  forSession(sessionId: string): ClaimRecord[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM claims WHERE session_id = ? ORDER BY created_at',
        )
        .all(sessionId) as Row[]
    ).map(toClaim);
  }

  byStatus(status: ClaimStatus, limit = 500): ClaimRecord[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM claims WHERE status = ? ORDER BY updated_at LIMIT ?',
      )
      .all(status, limit);
    return (rows as Row[]).map(toClaim);
  }
}

function toClaim(row: Row): ClaimRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    status: row.status,
    x12: row.x12,
    fhir: row.fhir_json ? (JSON.parse(row.fhir_json) as unknown) : null,
    updatedAt: row.updated_at,
  };
}
