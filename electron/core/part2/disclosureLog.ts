import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type {
  DisclosurePurpose,
  DisclosureRecipient,
  InformationCategory,
} from './part2Consent';

/** One disclosure of a Part 2 client's record (42 CFR §2.24 list of disclosures). */
export interface Disclosure {
  clientId: string;
  sessionId: string;
  connectorId: string;
  recipient: DisclosureRecipient;
  purposes: DisclosurePurpose[];
  information: InformationCategory[];
  consentId: string;
  /** ISO instant of the disclosure. */
  at: string;
  /** How many resources or documents were delivered. */
  items: number;
}

/**
 * Where disclosures are recorded. Every Part 2 disclosure is written before
 * the push reports success, and a client's list can be produced on request
 * (§2.24: the past three years, within 30 days).
 */
export interface DisclosureLog {
  record(disclosure: Disclosure): void;
  listForClient(clientId: string, since?: string): Disclosure[];
}

/**
 * Disclosures in the encrypted database.
 * TODO(#9): move this table into a numbered store migration.
 */
export class SqliteDisclosureLog implements DisclosureLog {
  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS part2_disclosures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id TEXT NOT NULL,
        at TEXT NOT NULL,
        disclosure_json TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS part2_disclosures_client ON part2_disclosures(client_id, at);
    `);
  }

  record(d: Disclosure): void {
    this.db
      .prepare(
        'INSERT INTO part2_disclosures (client_id, at, disclosure_json) VALUES (?, ?, ?)',
      )
      .run(d.clientId, d.at, JSON.stringify(d));
  }

  listForClient(clientId: string, since?: string): Disclosure[] {
    const rows = this.db
      .prepare(
        'SELECT disclosure_json FROM part2_disclosures WHERE client_id = ? ORDER BY id',
      )
      .all(clientId) as { disclosure_json: string }[];
    const list = rows.map((r) => JSON.parse(r.disclosure_json) as Disclosure);
    const from = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    return list.filter((d) => Date.parse(d.at) >= from);
  }
}

/** Disclosures kept in memory (CLI dry runs, tests). */
export class MemoryDisclosureLog implements DisclosureLog {
  private readonly list: Disclosure[] = [];

  record(disclosure: Disclosure): void {
    this.list.push(disclosure);
  }

  listForClient(clientId: string, since?: string): Disclosure[] {
    const from = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    return this.list.filter(
      (d) => d.clientId === clientId && Date.parse(d.at) >= from,
    );
  }
}
