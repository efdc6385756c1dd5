import { appendAudit, type AuditAction } from '../../audit/audit';
import type { Database } from '../database';

/**
 * Records who touched PHI. Repositories built with an actor (per request,
 * by the IPC layer) append an audit entry for each create, read, change and
 * delete of notes, transcripts, process notes, sessions, claims and
 * consents (45 CFR 164.312(b)). Without an actor (migrations, sweeps that
 * audit themselves, tests) nothing is recorded.
 */
export type AccessAudit = (
  action: AuditAction,
  objectType: string,
  objectId: string,
  detail?: Record<string, string | number | boolean | null>,
) => void;

export function accessAudit(db: Database, actor?: string): AccessAudit {
  if (actor === undefined) return () => undefined;
  return (action, objectType, objectId, detail) => {
    appendAudit(db, {
      actor,
      action,
      objectType,
      objectId,
      ...(detail ? { detail } : {}),
    });
  };
}
