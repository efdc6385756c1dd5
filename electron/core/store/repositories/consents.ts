import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';
import { accessAudit, type AccessAudit } from './accessAudit';

export type ConsentKind =
  'part2_disclosure' | 'note_assistant' | 'telehealth' | 'recording';

/**
 * A client's consent. For a Part 2 disclosure the record carries the
 * elements of 42 CFR 2.31(a): recipient, purpose, the information to be
 * disclosed, an expiry and the signature; revocation (2.31(a)(6)) is a
 * timestamp, the record stays.
 */
export interface Consent {
  id: string;
  clientId: string;
  kind: ConsentKind;
  recipient: string | null;
  purpose: string | null;
  information: string | null;
  expiresAt: string | null;
  signature: string;
  signedAt: string;
  revokedAt: string | null;
}

interface Row {
  id: string;
  client_id: string;
  kind: ConsentKind;
  recipient: string | null;
  purpose: string | null;
  information: string | null;
  expires_at: string | null;
  signature: string;
  signed_at: string;
  revoked_at: string | null;
}

export type NewConsent = Omit<Consent, 'id' | 'revokedAt'>;

export class ConsentsRepository {
  private readonly audit: AccessAudit;

  /** With `actor`, creations and changes are audited. */
  constructor(
    private readonly db: Database,
    actor?: string,
  ) {
    this.audit = accessAudit(db, actor);
  }

  record(input: NewConsent): Consent {
    if (input.kind === 'part2_disclosure') assertPart2Elements(input);
    const id = newId();
    guarded(() =>
      this.db
        .prepare(
          'INSERT INTO consents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
        )
        .run(
          id,
          input.clientId,
          input.kind,
          input.recipient,
          input.purpose,
          input.information,
          input.expiresAt,
          input.signature,
          input.signedAt,
          nowIso(),
        ),
    );
    this.audit('create', 'consent', id, { kind: input.kind });
    return this.require(id);
  }

  revoke(id: string, at: string = nowIso()): Consent {
    guarded(() =>
      this.db
        .prepare(
          'UPDATE consents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
        )
        .run(at, id),
    );
    this.audit('update', 'consent', id, { revoked: true });
    return this.require(id);
  }

  require(id: string): Consent {
    const row = this.db
      .prepare('SELECT * FROM consents WHERE id = ?')
      .get(id) as Row | undefined;
    if (!row) throw new AppError('not_found', 'No such consent.');
    return toConsent(row);
  }

  forClient(clientId: string): Consent[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM consents WHERE client_id = ? ORDER BY signed_at',
        )
        .all(clientId) as Row[]
    ).map(toConsent);
  }

  /** Consents of a kind in force at `at`: signed, not revoked, not expired. */
  active(
    clientId: string,
    kind: ConsentKind,
    at: string = nowIso(),
  ): Consent[] {
    return this.forClient(clientId).filter(
      (c) =>
        c.kind === kind &&
        c.signedAt <= at &&
        (c.revokedAt === null || c.revokedAt > at) &&
        (c.expiresAt === null || c.expiresAt > at),
    );
  }
}

function assertPart2Elements(input: NewConsent): void {
  const missing = [
    input.recipient,
    input.purpose,
    input.information,
    input.expiresAt,
  ].some((v) => !v || v.trim() === '');
  if (missing || input.signature.trim() === '') {
    throw new AppError(
      'consent_required',
      'A Part 2 consent needs recipient, purpose, information, expiry and signature (42 CFR 2.31).',
    );
  }
}

function toConsent(row: Row): Consent {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    recipient: row.recipient,
    purpose: row.purpose,
    information: row.information,
    expiresAt: row.expires_at,
    signature: row.signature,
    signedAt: row.signed_at,
    revokedAt: row.revoked_at,
  };
}
