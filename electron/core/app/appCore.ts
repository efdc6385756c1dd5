import { AccessGuard } from '../access/accessGuard';
import { AuthState, DEFAULT_IDLE_MS } from '../access/authState';
import { AuthService } from '../access/authService';
import { guardSessionService } from '../access/guardedSessionService';
import { registerAuthHandlers } from '../access/registerAuthHandlers';
import type { KeyStore } from '../keys/keyStore';
import type { MainJobEngines } from '../pipeline/mainJob';
import { openEhr } from '../delivery/ehrTarget';
import { sweepRetention } from '../retention/retention';
import { registerSessionHandlers } from '../services/handlers';
import { createSessionService } from '../services/sessionService';
import { openStoreHandle, type StoreHandle } from '../services/storeHandle';
import type { SessionService } from '../services/types';
import { createCore, type Core, type CoreOptions } from './core';

export interface AppCoreOptions extends CoreOptions {
  dataDir: string;
  keyStore: KeyStore;
  engines: MainJobEngines & { dispose?: () => Promise<void> };
  /** `sandbox` or a FHIR base URL: where signed sessions are delivered. */
  ehr?: string;
  idleMs?: number;
  now?: () => number;
}

export interface AppCore extends Core {
  store: StoreHandle;
  auth: AuthState;
  /** The session workflow as the signed-in user may use it. */
  sessions: SessionService;
}

/**
 * The full core behind the desktop app and the browser bridge: the
 * encrypted store, sign-in and the access rules, and the session workflow,
 * all registered on the contract's channels.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const core = createCore(options);
  const store = await openStoreHandle({ dataDir: options.dataDir, keyStore: options.keyStore });
  const now = options.now ?? Date.now;
  const auth = new AuthState(options.idleMs ?? DEFAULT_IDLE_MS, now);
  const guard = new AccessGuard(store, auth);
  // On start: purge transcripts past their date and orphaned audio.
  sweepRetention({ db: store.db, spoolRoot: store.spoolRoot, actor: 'system' });
  const ehr = options.ehr ? await openEhr(options.ehr, store) : undefined;

  const inner = createSessionService({
    store,
    engines: options.engines,
    actor: () => auth.user?.id ?? 'system',
    ...(ehr ? { delivery: ehr.delivery } : {}),
    now: () => new Date(now()),
  });
  const sessions = guardSessionService(inner, guard);

  registerAuthHandlers(core.registry, new AuthService(store, auth), guard);
  const jobs = registerSessionHandlers(core.registry, sessions, core.events);
  core.registry.register('session:billing', ({ sessionId }) => sessions.getBilling(sessionId));
  core.registry.register('note:cosign', ({ sessionId }) =>
    sessions.cosignNote(sessionId, { id: '', name: '' }),
  );

  return {
    ...core,
    store,
    auth,
    sessions,
    close: async () => {
      jobs.cancelAll();
      await options.engines.dispose?.();
      await ehr?.close();
      await inner.close();
    },
  };
}
