import type { Migration } from './migration';

/** Claims, consents (42 CFR Part 2) and the connector outbox. */
export const m0004Exchange: Migration = {
  version: 4,
  name: 'exchange',
  up(db) {
    db.exec(`
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        status TEXT NOT NULL CHECK (status IN
          ('draft', 'ready', 'submitted', 'accepted', 'rejected', 'paid', 'void')),
        x12 TEXT,
        fhir_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX claims_session ON claims(session_id);
      CREATE INDEX claims_status ON claims(status);

      -- A Part 2 disclosure consent needs the elements of 42 CFR 2.31(a):
      -- recipient, purpose, the information disclosed, an expiry and a signature.
      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id),
        kind TEXT NOT NULL CHECK (kind IN ('part2_disclosure', 'note_assistant', 'telehealth', 'recording')),
        recipient TEXT,
        purpose TEXT,
        information TEXT,
        expires_at TEXT,
        signature TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        revoked_at TEXT,
        created_at TEXT NOT NULL,
        CHECK (kind <> 'part2_disclosure' OR (
          length(trim(coalesce(recipient, ''))) > 0 AND length(trim(coalesce(purpose, ''))) > 0
          AND length(trim(coalesce(information, ''))) > 0 AND expires_at IS NOT NULL))
      );
      CREATE INDEX consents_client ON consents(client_id, kind);

      CREATE TABLE connector_outbox (
        id TEXT PRIMARY KEY,
        connector_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX connector_outbox_due ON connector_outbox(status, next_attempt_at);
    `);
  },
};
