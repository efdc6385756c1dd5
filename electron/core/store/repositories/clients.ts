import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

/** The person in therapy (Patient in FHIR). */
export interface Client {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  /** 42 CFR Part 2 program the client is treated in, if any. */
  part2Program: string | null;
  ownerClinicianId: string | null;
}

export interface Payer {
  id: string;
  name: string;
  /** Which payer profile under resources/payers applies. */
  profile: string;
}

export interface Coverage {
  id: string;
  clientId: string;
  payerId: string;
  memberId: string;
  groupNumber: string | null;
  relationship: 'self' | 'spouse' | 'child' | 'other';
  /** The subscriber when not the client (Appointment.coverage.subscriber). */
  subscriber: unknown;
}

interface ClientRow {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  part2_program: string | null;
  owner_clinician_id: string | null;
}

interface CoverageRow {
  id: string;
  client_id: string;
  payer_id: string;
  member_id: string;
  group_number: string | null;
  relationship: Coverage['relationship'];
  subscriber_json: string | null;
}

/** Clients, payers and the coverage linking them. */
export class ClientsRepository {
  constructor(private readonly db: Database) {}

  /** Inserts or updates by id (schedule sync repeats itself). */
  upsert(input: Omit<Client, 'id'> & { id?: string }): Client {
    const id = input.id ?? newId();
    const now = nowIso();
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO clients VALUES (@id, @givenName, @familyName, @birthDate, @part2Program, @ownerClinicianId, @now, @now)
           ON CONFLICT(id) DO UPDATE SET given_name = excluded.given_name, family_name = excluded.family_name,
             birth_date = excluded.birth_date, part2_program = excluded.part2_program,
             owner_clinician_id = excluded.owner_clinician_id, updated_at = excluded.updated_at`,
        )
        .run({ ...input, id, now }),
    );
    return this.require(id);
  }

  get(id: string): Client | null {
    const row = this.db
      .prepare('SELECT * FROM clients WHERE id = ?')
      .get(id) as ClientRow | undefined;
    return row ? toClient(row) : null;
  }

  require(id: string): Client {
    const client = this.get(id);
    if (!client) throw new AppError('not_found', 'No such client.');
    return client;
  }

  /** Name search (prefix of given or family name, case-insensitive). */
  search(text: string, limit = 50): Client[] {
    const like = `${text.replace(/[%_]/g, '')}%`;
    const rows = this.db
      .prepare(
        `SELECT * FROM clients WHERE family_name LIKE ? OR given_name LIKE ?
         ORDER BY family_name, given_name LIMIT ?`,
      )
      .all(like, like, limit) as ClientRow[];
    return rows.map(toClient);
  }

  upsertPayer(payer: Payer): void {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO payers VALUES (@id, @name, @profile)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, profile = excluded.profile`,
        )
        .run(payer),
    );
  }

  getPayer(id: string): Payer | null {
    return (
      (this.db.prepare('SELECT * FROM payers WHERE id = ?').get(id) as
        Payer | undefined) ?? null
    );
  }

  /** Adds coverage, or updates it when the same member id is already on file. */
  upsertCoverage(input: Omit<Coverage, 'id'>): Coverage {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO coverages VALUES (@id, @clientId, @payerId, @memberId, @groupNumber, @relationship, @subscriber)
           ON CONFLICT(client_id, payer_id, member_id) DO UPDATE SET group_number = excluded.group_number,
             relationship = excluded.relationship, subscriber_json = excluded.subscriber_json`,
        )
        .run({
          ...input,
          id: newId(),
          subscriber: input.subscriber
            ? JSON.stringify(input.subscriber)
            : null,
        }),
    );
    const found = this.coveragesOf(input.clientId).find(
      (c) => c.payerId === input.payerId && c.memberId === input.memberId,
    );
    if (!found) throw new AppError('internal', 'Coverage was not saved.');
    return found;
  }

  coveragesOf(clientId: string): Coverage[] {
    const rows = this.db
      .prepare('SELECT * FROM coverages WHERE client_id = ?')
      .all(clientId) as CoverageRow[];
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      payerId: r.payer_id,
      memberId: r.member_id,
      groupNumber: r.group_number,
      relationship: r.relationship,
      subscriber: r.subscriber_json
        ? (JSON.parse(r.subscriber_json) as unknown)
        : null,
    }));
  }
}

function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    part2Program: row.part2_program,
    ownerClinicianId: row.owner_clinician_id,
  };
}
