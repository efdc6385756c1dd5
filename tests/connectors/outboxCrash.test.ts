import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../electron/core/connectors/createConnector';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { Outbox } from '../../electron/core/outbox/outbox';
import { openDatabase } from '../../electron/core/store/database';
import { OutboxRepository } from '../../electron/core/store/repositories/outbox';
import {
  openTestDatabase,
  type TestDatabase,
} from '../../electron/core/store/testDb';
import { PACKAGE_ROOT } from '../../electron/core/paths';

/** Runs the delivery child and SIGKILLs it once the EHR holds its push. */
function deliverUntilKilled(
  server: SandboxFhirServer,
  store: TestDatabase,
): Promise<string | null> {
  const child = spawn(
    'node',
    [
      'bin/run-ts.mjs',
      path.join('tests', 'connectors', 'fixtures', 'outboxChild.ts'),
      store.file,
      server.baseUrl,
    ],
    {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, HUSHNOTE_TEST_DB_KEY: store.key.toString('hex') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const poll = setInterval(() => {
    const held = server
      .requests()
      .some((r) => r.method === 'POST' && r.status === 'dropped');
    if (held) child.kill('SIGKILL');
  }, 50);
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal);
    }),
  );
}

describe('outbox across a killed process', () => {
  let server: SandboxFhirServer;
  let store: TestDatabase;

  beforeAll(async () => {
    server = await startSandboxFhirServer({ hangMs: 600_000 });
    store = openTestDatabase();
    store.db.close();
  });
  afterAll(async () => {
    await server.close();
    store.dispose();
  });

  it('resumes after SIGKILL mid-push and delivers without duplicates', async () => {
    // The EHR commits the first push but never answers; the sender dies.
    server.faults.failNext(1, 'commit-then-hang');
    expect(await deliverUntilKilled(server, store)).toBe('SIGKILL');
    expect(server.counts()).toMatchObject({
      Encounter: 1,
      DocumentReference: 1,
    });

    const db = openDatabase({ file: store.file, key: store.key });
    store.db = db;
    const repo = new OutboxRepository(db);
    expect(repo.list('in_flight')).toHaveLength(1);

    const connector = createConnector({
      kind: 'fhir-r4',
      id: 'sandbox',
      name: 'Sandbox EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: { name: 'Sandbox EHR', class: 'treating-providers' },
    });
    const outbox = new Outbox({ repo, connector: () => connector });
    expect(outbox.recover()).toBe(1);
    expect(await outbox.drain()).toEqual({
      delivered: 1,
      retrying: 0,
      failed: 0,
    });

    const [job] = repo.list('delivered');
    expect(job?.attempts).toBe(2);
    expect(server.counts()).toMatchObject({
      Encounter: 1,
      DocumentReference: 1,
      Composition: 1,
      QuestionnaireResponse: 1,
      Claim: 1,
      Observation: 11,
    });
  });
});
