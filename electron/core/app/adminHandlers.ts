import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionTestView } from '../../contract/contract';
import type { AccessGuard } from '../access/accessGuard';
import { appendAudit } from '../audit/audit';
import type { ConnectionCheck } from '../connectors/ehrConnector';
import type { EventBus } from './events';
import type { HandlerRegistry } from '../ipc/registry';
import { importModel, listModels } from '../models/manager';
import { ModelDownloads } from '../models/modelDownloads';
import { RetentionPolicies } from '../retention/policy';
import { modelViews } from '../services/appHandlers';
import type { StoreHandle } from '../services/storeHandle';

export interface AdminDeps {
  registry: HandlerRegistry;
  events: EventBus;
  store: StoreHandle;
  guard: AccessGuard;
  /** Where models go; default the configured models folder. */
  modelsDir?: string;
  /** The configured EHR, for `ehr:test`; absent when none is configured. */
  ehr?: { name: string; testConnection: () => Promise<ConnectionCheck> };
}

/**
 * Practice-wide changes: the default retention policy, and speech models
 * downloaded (checksum pinned, cancellable) or imported. Each needs an
 * administrator or the owner; a refusal is `forbidden` and audited.
 * Also the EHR connection check, open to every signed-in user.
 * Returns the running downloads, for cancelling them on close.
 */
export function registerAdminHandlers(deps: AdminDeps): ModelDownloads {
  const { registry, guard } = deps;
  const policies = new RetentionPolicies(deps.store.db);
  const downloads = new ModelDownloads(
    deps.modelsDir ? { dir: deps.modelsDir } : {},
  );

  registry.register('settings:retention', ({ transcriptDays, audioOnSign }) => {
    const user = guard.requireAdministrator('settings:retention');
    // RetentionPolicies audits the change under this user.
    policies.set(
      { programId: 'default', transcriptDays, audioOnSign },
      user.id,
    );
    const saved = policies.get('default');
    return {
      transcriptDays: saved.transcriptDays,
      audioOnSign: saved.audioOnSign,
    };
  });

  registry.register('models:ensure', async ({ name }) => {
    guard.requireAdministrator('models:ensure');
    const jobId = `model:${name}`;
    await downloads.start(name, ({ receivedBytes, totalBytes }) => {
      deps.events.emit('progress', {
        jobId,
        step: 'download',
        fraction: receivedBytes / totalBytes,
        receivedBytes,
        totalBytes,
      });
    });
    return modelViews(await listModels(deps.modelsDir), hardware());
  });

  registry.register('models:cancel', ({ name }) => {
    guard.requireAdministrator('models:cancel');
    return { cancelled: downloads.cancel(name) };
  });

  registry.register('ehr:test', () => testEhr(deps));

  registry.register('models:import', async ({ fileName, base64 }) => {
    guard.requireAdministrator('models:import');
    const root = path.join(deps.store.dataDir, 'tmp');
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const dir = mkdtempSync(path.join(root, 'model-'));
    try {
      // The original name is kept for a file no manifest entry matches.
      const file = path.join(dir, safeName(fileName));
      writeFileSync(file, Buffer.from(base64, 'base64'), { mode: 0o600 });
      const result = await importModel(file, deps.modelsDir);
      return { matched: result.matched ?? null, sha256: result.sha256 };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  return downloads;
}

/**
 * Any signed-in user may check the connection: it reads no record, and
 * delivery status is visible to every role (policy.ts). Each check is
 * audited with its outcome kind.
 */
async function testEhr(deps: AdminDeps): Promise<ConnectionTestView> {
  const user = deps.guard.requireUser();
  const view: ConnectionTestView = deps.ehr
    ? toView(deps.ehr.name, await deps.ehr.testConnection())
    : {
        connector: 'none',
        ok: false,
        kind: null,
        message: 'No EHR connector is configured.',
      };
  appendAudit(deps.store.db, {
    actor: user.id,
    action: 'read',
    objectType: 'connector',
    objectId: view.connector,
    detail: { check: view.ok ? 'ok' : (view.kind ?? 'none') },
  });
  return view;
}

function toView(connector: string, check: ConnectionCheck): ConnectionTestView {
  return check.ok
    ? { connector, ok: true, kind: null, message: check.detail }
    : { connector, ok: false, kind: check.kind, message: check.message };
}

function safeName(fileName: string): string {
  const base = path.basename(fileName).replace(/[^\w.-]/g, '_');
  return base.replace(/^\.+/, '') || 'model.bin';
}

function hardware() {
  return {
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}
