import { create } from 'zustand';
import type { EventMap } from '../../../electron/contract/contract';
import { CallError, type Client } from '../api/client';
import { errorWords } from '../lib/callError';
import { toBase64 } from '../lib/base64';
import { useSettings } from './settings';

export type DownloadState = 'downloading' | 'done' | 'cancelled' | 'failed';

export interface ModelDownload {
  state: DownloadState;
  receivedBytes: number;
  /** Unknown until the server says how long the file is. */
  totalBytes: number | null;
  /** Plain words for a failure or a cancel; none while running. */
  message: string | undefined;
}

export interface ImportOutcome {
  state: 'importing' | 'done' | 'failed';
  message: string | undefined;
}

interface ModelsStore {
  downloads: Record<string, ModelDownload>;
  importing: ImportOutcome | undefined;
  /** Downloads a model, following its progress events until it ends. */
  download: (client: Client, name: string) => Promise<void>;
  cancel: (client: Client, name: string) => Promise<void>;
  importFile: (client: Client, file: File) => Promise<void>;
  onProgress: (event: EventMap['progress']) => void;
}

export const CANCELLED_WORDS =
  'Download cancelled. What arrived is kept; downloading again resumes it.';

/** The job id `models:ensure` reports progress under. */
export const modelJobId = (name: string) => `model:${name}`;

/** Model downloads (progress, cancel) and imports in Settings. */
export const useModels = create<ModelsStore>()((set, get) => {
  const patch = (name: string, change: Partial<ModelDownload>) => {
    const current = get().downloads[name];
    if (!current) return;
    set({
      downloads: { ...get().downloads, [name]: { ...current, ...change } },
    });
  };

  return {
    downloads: {},
    importing: undefined,

    download: async (client, name) => {
      if (get().downloads[name]?.state === 'downloading') return;
      set({
        downloads: {
          ...get().downloads,
          [name]: {
            state: 'downloading',
            receivedBytes: 0,
            totalBytes: null,
            message: undefined,
          },
        },
      });
      const off = client.onEvent('progress', (e) => get().onProgress(e));
      try {
        const models = await client.call('models:ensure', { name });
        useSettings.setState({ models });
        patch(name, { state: 'done' });
      } catch (error) {
        const cancelled =
          error instanceof CallError && error.info.kind === 'cancelled';
        patch(name, {
          state: cancelled ? 'cancelled' : 'failed',
          message: cancelled ? CANCELLED_WORDS : errorWords(error),
        });
      } finally {
        off();
      }
    },

    cancel: async (client, name) => {
      try {
        await client.call('models:cancel', { name });
      } catch (error) {
        patch(name, { message: errorWords(error) });
      }
    },

    importFile: async (client, file) => {
      set({ importing: { state: 'importing', message: undefined } });
      try {
        const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
        const result = await client.call('models:import', {
          fileName: file.name,
          base64,
        });
        useSettings.setState({ models: await client.call('models:list', {}) });
        set({
          importing: {
            state: 'done',
            message: result.matched
              ? `Installed as ${result.matched} (checksum matches).`
              : 'Imported. It matches no listed model; use it by its file path.',
          },
        });
      } catch (error) {
        set({ importing: { state: 'failed', message: errorWords(error) } });
      }
    },

    onProgress: ({ jobId, receivedBytes, totalBytes }) => {
      const name = Object.keys(get().downloads).find(
        (n) => modelJobId(n) === jobId,
      );
      if (!name || get().downloads[name]?.state !== 'downloading') return;
      patch(name, {
        receivedBytes: receivedBytes ?? 0,
        totalBytes: totalBytes ?? null,
      });
    },
  };
});

/** 0..1 for the progress bar; 0 while the length is unknown. */
export function downloadFraction(download: ModelDownload): number {
  if (!download.totalBytes) return 0;
  return Math.min(download.receivedBytes / download.totalBytes, 1);
}
