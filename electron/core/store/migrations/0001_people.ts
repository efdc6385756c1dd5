import type { Migration } from './migration';

/** Users and their roles, clients and their coverage, app settings. */
export const m0001People: Migration = {
  version: 1,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clinician', 'supervisor', 'biller', 'admin')),
        password_hash TEXT,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );

      CREATE TABLE supervisor_links (
        supervisor_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        supervisee_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (supervisor_id, supervisee_id),
        CHECK (supervisor_id <> supervisee_id)
      );

      CREATE TABLE program_memberships (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        program_id TEXT NOT NULL,
        PRIMARY KEY (user_id, program_id)
      );

      -- owner_clinician_id is not a foreign key: clients arrive from the
      -- EHR schedule before their clinician has a local account.
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        part2_program TEXT,
        owner_clinician_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX clients_family_name ON clients(family_name COLLATE NOCASE);

      CREATE TABLE payers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        profile TEXT NOT NULL
      );

      CREATE TABLE coverages (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        payer_id TEXT NOT NULL REFERENCES payers(id),
        member_id TEXT NOT NULL,
        group_number TEXT,
        relationship TEXT NOT NULL CHECK (relationship IN ('self', 'spouse', 'child', 'other')),
        subscriber_json TEXT,
        UNIQUE (client_id, payer_id, member_id)
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
