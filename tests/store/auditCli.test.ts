import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/core/audit/audit';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { openStore } from '../../electron/core/store/openStore';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PASSPHRASE = 'audit-cli passphrase';

function hushnote(dataDir: string, ...args: string[]) {
  return spawnSync(
    'node',
    ['bin/hushnote.mjs', ...args, '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HUSHNOTE_KEYSTORE: 'passphrase',
        HUSHNOTE_PASSPHRASE: PASSPHRASE,
      },
      encoding: 'utf8',
    },
  );
}

async function withStore<T>(
  dataDir: string,
  fn: (db: Awaited<ReturnType<typeof openStore>>) => T,
): Promise<T> {
  const db = await openStore({
    dataDir,
    keyStore: new PassphraseKeyStore(
      path.join(dataDir, 'keys.json'),
      PASSPHRASE,
    ),
  });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('hushnote audit and db commands', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hushnote-audit-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verifies an intact chain', async () => {
    await withStore(dataDir, (db) => {
      for (const id of ['n1', 'n2', 'n3', 'n4'])
        appendAudit(db, {
          actor: 'u1',
          action: 'read',
          objectType: 'note',
          objectId: id,
        });
    });
    const run = hushnote(dataDir, 'audit', 'verify');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('audit chain ok: 4 entries');
  });

  it('fails and names the row after one row is tampered with', async () => {
    await withStore(dataDir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET object_id = 'n9' WHERE id = 2`).run();
    });
    const run = hushnote(dataDir, 'audit', 'verify');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('audit chain broken at row 2 (hash)');
    const json = hushnote(dataDir, 'audit', 'verify', '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      badRowId: 2,
      reason: 'hash',
    });
  });

  it('rekeys from the CLI and the data still opens; export is a FHIR Bundle', async () => {
    const rekey = hushnote(dataDir, 'db', 'rekey', '--json');
    expect(rekey.status).toBe(0);
    expect(JSON.parse(rekey.stdout)).toEqual({
      ok: true,
      keyStore: 'passphrase',
    });

    const exported = hushnote(dataDir, 'audit', 'export');
    expect(exported.status).toBe(0);
    const bundle = JSON.parse(exported.stdout) as {
      resourceType: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry).toHaveLength(5);
    expect(
      bundle.entry.every((e) => e.resource.resourceType === 'AuditEvent'),
    ).toBe(true);
    const actions = await withStore(dataDir, (db) =>
      db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all(),
    );
    expect(actions).toEqual([
      'read',
      'read',
      'read',
      'read',
      'rekey',
      'export',
    ]);
  });

  it('reports a missing database or a wrong passphrase as typed errors', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'hushnote-empty-'));
    const missing = hushnote(empty, 'audit', 'verify');
    rmSync(empty, { recursive: true, force: true });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('not_found');

    const wrong = spawnSync(
      'node',
      ['bin/hushnote.mjs', 'audit', 'verify', '--data-dir', dataDir],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HUSHNOTE_KEYSTORE: 'passphrase',
          HUSHNOTE_PASSPHRASE: 'not the passphrase',
        },
        encoding: 'utf8',
      },
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('unauthorized');
  });
});
