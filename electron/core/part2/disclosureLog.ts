import { appendAudit, listAudit } from '../audit/audit';
import type { Database } from '../store/database';
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

/** Audit object type under which Part 2 disclosures are chained. */
export const DISCLOSURE_OBJECT = 'part2_disclosure';

/**
 * Disclosures in the hash-chained, append-only audit log (45 CFR
 * 164.312(b)), keyed by client, so the list can be produced and cannot be
 * quietly edited. Details are ids, kinds and counts only.
 */
export class AuditDisclosureLog implements DisclosureLog {
  constructor(
    private readonly db: Database,
    private readonly actor = 'system',
  ) {}

  record(d: Disclosure): void {
    appendAudit(
      this.db,
      {
        actor: this.actor,
        action: 'push',
        objectType: DISCLOSURE_OBJECT,
        objectId: d.clientId,
        detail: {
          sessionId: d.sessionId,
          connectorId: d.connectorId,
          recipientName: d.recipient.name,
          recipientClass: d.recipient.class,
          purposes: d.purposes.join(','),
          information: d.information.join(','),
          consentId: d.consentId,
          items: d.items,
        },
      },
      new Date(d.at),
    );
  }

  listForClient(clientId: string, since?: string): Disclosure[] {
    const from = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    return listAudit(this.db, {
      objectType: DISCLOSURE_OBJECT,
      objectId: clientId,
      limit: 100_000,
    })
      .filter((e) => Date.parse(e.at) >= from)
      .map((e) => fromDetail(clientId, e.at, e.detail ?? {}));
  }
}

function fromDetail(
  clientId: string,
  at: string,
  detail: Record<string, string | number | boolean | null>,
): Disclosure {
  const text = (key: string) => String(detail[key] ?? '');
  return {
    clientId,
    sessionId: text('sessionId'),
    connectorId: text('connectorId'),
    recipient: {
      name: text('recipientName'),
      class: text('recipientClass') as DisclosureRecipient['class'],
    },
    purposes: text('purposes')
      .split(',')
      .filter(Boolean) as DisclosurePurpose[],
    information: text('information')
      .split(',')
      .filter(Boolean) as InformationCategory[],
    consentId: text('consentId'),
    at,
    items: Number(detail['items'] ?? 0),
  };
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

/** The earlier name of AuditDisclosureLog, kept for callers already wired to it. */
export const SqliteDisclosureLog = AuditDisclosureLog;
