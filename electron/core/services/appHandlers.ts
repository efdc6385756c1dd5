import os from 'node:os';
import type {
  AuditView,
  ModelView,
  RetentionView,
  SettingsView,
} from '../../contract/contract';
import type { AuditEntry, AuditQuery } from '../audit/audit';
import type { HandlerRegistry } from '../ipc/registry';
import { listModels, type ModelStatus } from '../models/manager';
import { modelsDir } from '../paths';
import { payerProfileNames, payerSummaries } from './payerSummaries';

/** What the Settings and Audit screens read, supplied by whoever opened the store. */
export interface AppHandlerDeps {
  /** The audit trail over the open database (audit.ts `listAudit`). */
  listAudit: (query: AuditQuery) => AuditEntry[];
  ehrConnector: string;
  /** The practice may turn the recording-consent step off; default on. */
  consentRequired: boolean;
  /** A fixed value (fake cores); the app core passes `retention` instead. */
  retentionDays: number | null;
  /**
   * The practice's default retention policy, read on every `settings:get`
   * so a change through `settings:retention` shows at once.
   */
  retention?: () => RetentionView;
  /** Whether the signed-in user may change settings (the app core's guard). */
  canAdminister?: () => boolean;
  dataDir: string;
}

/** Registers `settings:get`, `models:list` and `audit:list`. */
export function registerAppHandlers(
  registry: HandlerRegistry,
  deps: AppHandlerDeps,
): void {
  registry.register('settings:get', () => settingsView(deps));
  registry.register('models:list', async () =>
    modelViews(await listModels(), hardware()),
  );

  registry.register(
    'audit:list',
    ({ objectType, objectId, action, actor, limit }) => {
      const query: AuditQuery = { limit: 1000 };
      if (objectType) query.objectType = objectType;
      if (objectId) query.objectId = objectId;
      // Newest first, and only the rows that match every filter.
      const rows = deps
        .listAudit(query)
        .filter(
          (row) =>
            (!action || row.action === action) &&
            (!actor || row.actor === actor),
        );
      return rows
        .reverse()
        .slice(0, limit ?? 200)
        .map(toAuditView);
    },
  );
}

function toAuditView(entry: AuditEntry): AuditView {
  const { id, at, actor, action, objectType, objectId } = entry;
  return { id, at, actor, action, objectType, objectId };
}

function settingsView(deps: AppHandlerDeps): SettingsView {
  const retention = deps.retention?.();
  return {
    consentRequired: deps.consentRequired,
    ehrConnector: deps.ehrConnector,
    payerProfiles: payerProfileNames(),
    payers: payerSummaries(),
    retentionDays: retention ? retention.transcriptDays : deps.retentionDays,
    ...(retention ? { audioOnSign: retention.audioOnSign } : {}),
    ...(deps.canAdminister ? { canAdminister: deps.canAdminister() } : {}),
    dataDir: deps.dataDir,
    modelsDir: modelsDir(),
    hardware: hardware(),
  };
}

export interface Hardware {
  cores: number;
  memoryGiB: number;
}

function hardware(): Hardware {
  return {
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

/**
 * Recommends the largest English-only model this machine transcribes in
 * comfortably faster than real time: whisper.cpp on CPU needs roughly a
 * core per 150 MB of weights for live use, and the model must fit in an
 * eighth of memory beside the language model.
 */
export function recommendModel(
  models: readonly ModelStatus[],
  hw: Hardware,
): string | undefined {
  const fits = models
    .filter((m) => !m.multilingual && m.sizeBytes !== null)
    .filter((m) => (m.sizeBytes ?? 0) <= (hw.memoryGiB * 2 ** 30) / 8)
    .filter((m) => (m.sizeBytes ?? 0) <= hw.cores * 150e6)
    .sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0));
  return fits[0]?.name ?? models.find((m) => !m.multilingual)?.name;
}

export function modelViews(
  models: readonly ModelStatus[],
  hw: Hardware,
): ModelView[] {
  const best = recommendModel(models, hw);
  return models.map((m) => ({
    name: m.name,
    file: m.file,
    sizeBytes: m.sizeBytes,
    installed: m.installed,
    downloadable: m.sha256 !== null,
    path: m.path,
    licence: m.licence,
    multilingual: m.multilingual,
    recommended: m.name === best,
  }));
}
