import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccessGuard } from '../access/accessGuard';
import type { EventBus } from './events';
import type { HandlerRegistry } from '../ipc/registry';
import { ensureModel, importModel, listModels } from '../models/manager';
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
}

/**
 * Practice-wide changes: the default retention policy, and speech models
 * downloaded (checksum pinned) or imported. Each needs an administrator
 * or the owner; a refusal is `forbidden` and audited.
 */
export function registerAdminHandlers(deps: AdminDeps): void {
  const { registry, guard } = deps;
  const policies = new RetentionPolicies(deps.store.db);

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
    await ensureModel(name, {
      ...(deps.modelsDir ? { dir: deps.modelsDir } : {}),
      onProgress: ({ receivedBytes, totalBytes }) => {
        if (!totalBytes) return;
        deps.events.emit('progress', {
          jobId,
          step: 'download',
          fraction: receivedBytes / totalBytes,
        });
      },
    });
    return modelViews(await listModels(deps.modelsDir), hardware());
  });

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
