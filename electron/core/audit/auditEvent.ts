import type { AuditEvent } from '@medplum/fhirtypes';
import type { AuditAction, AuditEntry } from './audit';

/** FHIR R4 AuditEvent.action: Create, Read, Update, Delete, Execute. */
const FHIR_ACTION: Record<AuditAction, NonNullable<AuditEvent['action']>> = {
  create: 'C',
  read: 'R',
  update: 'U',
  delete: 'D',
  export: 'R',
  push: 'E',
  sign: 'U',
  amend: 'U',
  recover: 'C',
  policy_change: 'U',
  rekey: 'E',
  deny: 'E',
  login: 'E',
  logout: 'E',
  lock: 'E',
  unlock: 'E',
  break_glass: 'E',
  cosign: 'U',
};

/** DICOM audit event IDs (DCM 110100-series) used by IHE ATNA for these actions. */
function eventType(action: AuditAction): { code: string; display: string } {
  if (action === 'export' || action === 'push')
    return { code: '110106', display: 'Export' };
  if (
    action === 'policy_change' ||
    action === 'rekey' ||
    action === 'deny' ||
    action === 'break_glass'
  ) {
    return { code: '110113', display: 'Security Alert' };
  }
  if (
    action === 'login' ||
    action === 'logout' ||
    action === 'lock' ||
    action === 'unlock'
  ) {
    return { code: '110114', display: 'User Authentication' };
  }
  return { code: '110110', display: 'Patient Record' };
}

export const HUSHNOTE_AUDIT_SYSTEM = 'urn:hushnote:audit';

/**
 * One audit entry as a FHIR R4 AuditEvent. The hash-chain values travel in
 * entity.detail so a receiving system can re-verify the export.
 */
export function toFhirAuditEvent(entry: AuditEntry): AuditEvent {
  const type = eventType(entry.action);
  return {
    resourceType: 'AuditEvent',
    id: `hushnote-audit-${entry.id}`,
    type: { system: 'http://dicom.nema.org/resources/ontology/DCM', ...type },
    subtype: [{ system: HUSHNOTE_AUDIT_SYSTEM, code: entry.action }],
    action: FHIR_ACTION[entry.action],
    recorded: entry.at,
    // A refused access is a minor failure (4); everything logged otherwise succeeded.
    outcome: entry.action === 'deny' ? '4' : '0',
    agent: [
      {
        who: {
          identifier: {
            system: `${HUSHNOTE_AUDIT_SYSTEM}:actor`,
            value: entry.actor,
          },
        },
        requestor: true,
      },
    ],
    source: { observer: { display: 'Hushnote' } },
    entity: [
      {
        what: {
          identifier: {
            system: `${HUSHNOTE_AUDIT_SYSTEM}:${entry.objectType}`,
            value: entry.objectId,
          },
        },
        detail: [
          { type: 'sequence', valueString: String(entry.id) },
          { type: 'prevHash', valueString: entry.prevHash },
          { type: 'hash', valueString: entry.hash },
          ...(entry.detail
            ? [{ type: 'detail', valueString: JSON.stringify(entry.detail) }]
            : []),
        ],
      },
    ],
  };
}

/** A FHIR collection Bundle of entries, for `hushnote audit export`. */
export function toFhirAuditBundle(entries: AuditEntry[]): {
  resourceType: 'Bundle';
  type: 'collection';
  entry: { resource: AuditEvent }[];
} {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: entries.map((e) => ({ resource: toFhirAuditEvent(e) })),
  };
}
