import type { Part2Consent } from '../part2/part2Consent';
import type { StoreHandle } from '../services/storeHandle';

/**
 * Part 2 consents live in the consents table (kind `part2_disclosure`).
 * The §2.31 elements that are lists (recipients, purposes, information)
 * and the required statements are kept as JSON in the row's columns.
 */
interface StoredElements {
  discloser: string;
  information: Part2Consent['information'];
  informationDescription: string;
  revocationStatement: string;
  redisclosureStatement?: string;
  refusalStatement?: string;
  expirationEvent?: string;
}

export function recordPart2Consent(
  store: StoreHandle,
  clientId: string,
  consent: Omit<Part2Consent, 'id' | 'patientName'>,
): string {
  const elements: StoredElements = {
    discloser: consent.discloser,
    information: consent.information,
    informationDescription: consent.informationDescription,
    revocationStatement: consent.revocationStatement,
    ...(consent.redisclosureStatement
      ? { redisclosureStatement: consent.redisclosureStatement }
      : {}),
    ...(consent.refusalStatement
      ? { refusalStatement: consent.refusalStatement }
      : {}),
    ...('event' in consent.expiration
      ? { expirationEvent: consent.expiration.event }
      : {}),
  };
  const row = store.repos.consents.record({
    clientId,
    kind: 'part2_disclosure',
    recipient: JSON.stringify(consent.recipients),
    purpose: JSON.stringify(consent.purposes),
    information: JSON.stringify(elements),
    expiresAt: 'date' in consent.expiration ? consent.expiration.date : null,
    signature: consent.signedBy,
    signedAt: consent.signedAt,
  });
  return row.id;
}

/** The newest unrevoked Part 2 consent of the client, if any. */
export function part2ConsentFor(
  store: StoreHandle,
  clientId: string,
  patientName: string,
): Part2Consent | undefined {
  const row = store.repos.consents
    .forClient(clientId)
    .filter((c) => c.kind === 'part2_disclosure' && !c.revokedAt)
    .at(-1);
  if (!row) return undefined;
  const elements = JSON.parse(row.information ?? '{}') as StoredElements;
  return {
    id: row.id,
    patientName,
    discloser: elements.discloser,
    information: elements.information,
    informationDescription: elements.informationDescription,
    recipients: JSON.parse(row.recipient ?? '[]') as Part2Consent['recipients'],
    purposes: JSON.parse(row.purpose ?? '[]') as Part2Consent['purposes'],
    revocationStatement: elements.revocationStatement,
    expiration: row.expiresAt
      ? { date: row.expiresAt }
      : { event: elements.expirationEvent ?? '' },
    signedBy: row.signature,
    signedAt: row.signedAt,
    ...(elements.redisclosureStatement
      ? { redisclosureStatement: elements.redisclosureStatement }
      : {}),
    ...(elements.refusalStatement
      ? { refusalStatement: elements.refusalStatement }
      : {}),
  };
}
