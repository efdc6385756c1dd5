import { create } from 'zustand';
import type {
  ModelView,
  SettingsView,
} from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';

interface SettingsStore {
  settings: SettingsView | undefined;
  models: ModelView[];
  error: string | undefined;
  load: (client: Client) => Promise<void>;
}

/** The practice's settings and the speech models on this machine. */
export const useSettings = create<SettingsStore>()((set) => ({
  settings: undefined,
  models: [],
  error: undefined,
  load: async (client) => {
    try {
      const [settings, models] = await Promise.all([
        client.call('settings:get', {}),
        client.call('models:list', {}),
      ]);
      set({ settings, models, error: undefined });
    } catch (error) {
      set({ error: errorWords(error) });
    }
  },
}));

/** Consent is required unless the practice turned it off (default: on). */
export function consentRequired(settings: SettingsView | undefined): boolean {
  return settings?.consentRequired ?? true;
}
