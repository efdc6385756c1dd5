import type { Migration } from './migration';
import { m0001People } from './0001_people';
import { m0002Sessions } from './0002_sessions';
import { m0003Clinical } from './0003_clinical';
import { m0004Exchange } from './0004_exchange';
import { m0005AuditRetention } from './0005_audit_retention';
import { m0006Cosignatures } from './0006_cosignatures';

/** Every migration in order. Append only; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  m0001People,
  m0002Sessions,
  m0003Clinical,
  m0004Exchange,
  m0005AuditRetention,
  m0006Cosignatures,
];

export const LATEST_VERSION = MIGRATIONS.length;
