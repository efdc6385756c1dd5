import { create } from 'zustand';
import type { BillingDetailView } from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';

interface BillingStore {
  detail: BillingDetailView | undefined;
  busy: boolean;
  error: string | undefined;
  open: (client: Client, sessionId: string) => Promise<void>;
  /** Sends the signed session to the EHR, then shows the outbox's status. */
  deliver: (client: Client) => Promise<void>;
}

/** One session's billing as a biller sees it: no transcript, no narrative. */
export const useBilling = create<BillingStore>()((set, get) => ({
  detail: undefined,
  busy: false,
  error: undefined,

  open: async (client, sessionId) => {
    set({ error: undefined });
    try {
      set({ detail: await client.call('session:billing', { sessionId }) });
    } catch (error) {
      set({ error: errorWords(error) });
    }
  },

  deliver: async (client) => {
    const sessionId = get().detail?.summary.id;
    if (!sessionId || get().busy) return;
    set({ busy: true, error: undefined });
    let failure: string | undefined;
    try {
      await client.call('session:deliver', { sessionId });
    } catch (error) {
      failure = errorWords(error);
    }
    // The outbox keeps what it could not send; show its status either way.
    await get().open(client, sessionId);
    set({ busy: false, error: failure ?? get().error });
  },
}));

/** A signed or amended note can support a claim and be sent. */
export function canDeliver(detail: BillingDetailView | undefined): boolean {
  return detail?.noteStatus === 'signed' || detail?.noteStatus === 'amended';
}
