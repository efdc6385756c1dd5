import { create } from 'zustand';
import type { AuthStatusView } from '../../../electron/contract/contract';
import { CallError, type Client } from '../api/client';
import { errorWords } from '../lib/callError';

interface AuthStore {
  status: AuthStatusView | undefined;
  /** False when the core serves no accounts (a fake core for UI work). */
  accounts: boolean;
  busy: boolean;
  error: string | undefined;
  refresh: (client: Client) => Promise<void>;
  setup: (
    client: Client,
    input: { username: string; displayName: string; password: string },
  ) => Promise<void>;
  login: (
    client: Client,
    input: { username: string; password: string },
  ) => Promise<void>;
  unlock: (client: Client, password: string) => Promise<void>;
  logout: (client: Client) => Promise<void>;
  lock: (client: Client) => Promise<void>;
}

/** Who is signed in; every other screen waits behind it. */
export const useAuth = create<AuthStore>()((set, get) => {
  async function run(work: () => Promise<AuthStatusView>) {
    if (get().busy) return;
    set({ busy: true, error: undefined });
    try {
      set({ status: await work(), busy: false });
    } catch (error) {
      set({ busy: false, error: errorWords(error) });
    }
  }

  return {
    status: undefined,
    accounts: true,
    busy: false,
    error: undefined,
    refresh: async (client) => {
      try {
        set({ status: await client.call('auth:status', {}), accounts: true });
      } catch (error) {
        const unserved =
          error instanceof CallError && error.info.kind === 'invalid_request';
        set(unserved ? { accounts: false } : { error: errorWords(error) });
      }
    },
    setup: (client, input) => run(() => client.call('auth:setup', input)),
    login: (client, input) => run(() => client.call('auth:login', input)),
    unlock: (client, password) =>
      run(() => client.call('auth:unlock', { password })),
    logout: (client) => run(() => client.call('auth:logout', {})),
    lock: (client) => run(() => client.call('auth:lock', {})),
  };
});

export type AuthStep = 'loading' | 'setup' | 'login' | 'unlock' | 'ready';

/** Which form the app shows before its screens. */
export function authStep(
  status: AuthStatusView | undefined,
  accounts = true,
): AuthStep {
  if (!accounts) return 'ready';
  if (!status) return 'loading';
  if (status.needsSetup) return 'setup';
  if (!status.user) return 'login';
  return status.locked ? 'unlock' : 'ready';
}
