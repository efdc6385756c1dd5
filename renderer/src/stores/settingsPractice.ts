import { create } from 'zustand';
import type {
  ConnectionTestView,
  RetentionView,
} from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';
import { useSettings } from './settings';

/** The contract's bound (adminContract.ts retentionSchema): ten years. */
export const MAX_RETENTION_DAYS = 3650;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the retention form's days field may hold: a whole number of days. */
export function parseRetentionDays(text: string): Checked<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return { ok: false, error: 'Enter a whole number of days (0 or more).' };
  }
  const days = Number(trimmed);
  if (days > MAX_RETENTION_DAYS) {
    return {
      ok: false,
      error: `Enter at most ${MAX_RETENTION_DAYS} days (ten years).`,
    };
  }
  return { ok: true, value: days };
}

interface PracticeStore {
  retention: { saving: boolean; error?: string; saved?: string };
  connection: {
    testing: boolean;
    result?: ConnectionTestView;
    error?: string;
  };
  saveRetention: (
    client: Client,
    form: { days: string; audioOnSign: RetentionView['audioOnSign'] },
  ) => Promise<void>;
  testConnection: (client: Client) => Promise<void>;
}

/** Settings' practice part: the retention form and the EHR check. */
export const usePractice = create<PracticeStore>()((set) => ({
  retention: { saving: false },
  connection: { testing: false },

  saveRetention: async (client, form) => {
    const days = parseRetentionDays(form.days);
    if (!days.ok) {
      set({ retention: { saving: false, error: days.error } });
      return;
    }
    set({ retention: { saving: true } });
    try {
      const saved = await client.call('settings:retention', {
        transcriptDays: days.value,
        audioOnSign: form.audioOnSign,
      });
      // settings:get reads the policy live; the page shows what was stored.
      const settings = await client.call('settings:get', {});
      useSettings.setState({ settings });
      set({ retention: { saving: false, saved: retentionWords(saved) } });
    } catch (error) {
      set({ retention: { saving: false, error: errorWords(error) } });
    }
  },

  testConnection: async (client) => {
    set({ connection: { testing: true } });
    try {
      const result = await client.call('ehr:test', {});
      set({ connection: { testing: false, result } });
    } catch (error) {
      set({ connection: { testing: false, error: errorWords(error) } });
    }
  },
}));

export function retentionWords(view: RetentionView): string {
  const transcript =
    view.transcriptDays === 0
      ? 'Transcripts are removed at the next sweep after signing'
      : `Transcripts are kept ${view.transcriptDays} days after signing`;
  const audio =
    view.audioOnSign === 'delete'
      ? 'the recording is deleted at signing'
      : 'the recording is kept';
  return `Saved. ${transcript}; ${audio}.`;
}

/** The connection check in plain words, from the contract's error kinds. */
export function connectionWords(view: ConnectionTestView): string {
  if (view.ok) return `Connected to ${view.connector}: ${view.message}.`;
  if (!view.kind) return view.message;
  return `${view.connector}: ${failureWords(view.kind)} ${view.message}`;
}

function failureWords(kind: NonNullable<ConnectionTestView['kind']>): string {
  switch (kind) {
    case 'ehr_unreachable':
      return 'The EHR could not be reached.';
    case 'ehr_auth_expired':
      return 'The EHR did not accept the credentials; reconnect it.';
    case 'ehr_rejected':
      return 'The EHR answered with an error.';
  }
}
