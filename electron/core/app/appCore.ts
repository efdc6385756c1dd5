import { AccessGuard } from '../access/accessGuard';
import { AuthState, DEFAULT_IDLE_MS } from '../access/authState';
import { AuthService } from '../access/authService';
import { guardSessionService } from '../access/guardedSessionService';
import { registerAuthHandlers } from '../access/registerAuthHandlers';
import type { KeyStore } from '../keys/keyStore';
import type { MainJobEngines } from '../pipeline/mainJob';
import { listAudit } from '../audit/audit';
import type { AudioSource } from '../capture/audioSource';
import type { CaptureController } from '../capture/captureController';
import type { SegmentStream } from '../capture/liveTranscript';
import { registerCapture } from '../capture/registerCapture';
import { openEhr } from '../delivery/ehrTarget';
import { registerAppHandlers } from '../services/appHandlers';
import { RetentionPolicies } from '../retention/policy';
import { sweepRetention } from '../retention/retention';
import { log } from '../log/logger';
import { registerSessionHandlers } from '../services/handlers';
import { createSessionService } from '../services/sessionService';
import { openStoreHandle, type StoreHandle } from '../services/storeHandle';
import type { SessionService } from '../services/types';
import { createCore, type Core, type CoreOptions } from './core';
import { registerAdminHandlers } from './adminHandlers';
import { registerLiveHandlers } from './liveHandlers';

const OUTBOX_TICK_MS = 30_000;

export interface AppCoreOptions extends CoreOptions {
  dataDir: string;
  keyStore: KeyStore;
  engines: MainJobEngines & { dispose?: () => Promise<void> };
  /** `sandbox` or a FHIR base URL: where signed sessions are delivered. */
  ehr?: string;
  idleMs?: number;
  /** Overrides the platform's live-capture source (tests, the desktop feed). */
  captureSource?: () => AudioSource;
  /**
   * The streaming pipeline for live transcripts while recording (see
   * openLiveStream); without it the transcript comes after stop.
   */
  liveStream?: () => Promise<SegmentStream>;
  /** The practice may turn the recording-consent step off; default on. */
  consentRequired?: boolean;
  now?: () => number;
}

export interface AppCore extends Core {
  store: StoreHandle;
  auth: AuthState;
  /** The session workflow as the signed-in user may use it. */
  sessions: SessionService;
  /** Live capture; it keeps spooling while the app is locked. */
  capture: CaptureController;
}

/**
 * The full core behind the desktop app and the browser bridge: the
 * encrypted store, sign-in and the access rules, and the session workflow,
 * all registered on the contract's channels.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const core = createCore(options);
  const store = await openStoreHandle({
    dataDir: options.dataDir,
    keyStore: options.keyStore,
  });
  const now = options.now ?? Date.now;
  const auth = new AuthState(options.idleMs ?? DEFAULT_IDLE_MS, now);
  const guard = new AccessGuard(store, auth);
  // On start: purge transcripts past their date and orphaned audio.
  sweepRetention({ db: store.db, spoolRoot: store.spoolRoot, actor: 'system' });
  const ehr = options.ehr ? await openEhr(options.ehr, store) : undefined;
  // Retries come due while the app is open; the outbox keeps them across restarts.
  const outboxTimer = ehr
    ? setInterval(() => {
        ehr.delivery.drain().catch((error: unknown) => {
          log().warn('outbox.tick_failed', {
            error: error instanceof Error ? error : null,
          });
        });
      }, OUTBOX_TICK_MS)
    : undefined;
  outboxTimer?.unref();

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
  const capture = registerCapture({
    registry: core.registry,
    events: core.events,
    store,
    sessions,
    jobs,
    actor: () => auth.user?.id ?? 'system',
    consentRequired: options.consentRequired ?? true,
    ...(options.captureSource ? { source: options.captureSource } : {}),
    ...(options.liveStream ? { live: options.liveStream } : {}),
    access: {
      // The session's own clinician records it (policy.ts: clinical write).
      requireRecorder: (sessionId) =>
        guard.requireSession(sessionId, 'clinical', 'write'),
      maySee: (sessionId) => guard.maySee(sessionId, 'clinical'),
    },
    mayPush: () => auth.user !== null && !auth.isLocked(),
  });
  registerLiveHandlers(core.registry, sessions);
  const policies = new RetentionPolicies(store.db);
  const downloads = registerAdminHandlers({
    registry: core.registry,
    events: core.events,
    store,
    guard,
    ...(ehr ? { ehr } : {}),
  });
  registerAppHandlers(core.registry, {
    listAudit: (query) => {
      guard.requireRole(['admin', 'clinician', 'supervisor'], 'audit:list');
      return listAudit(store.db, query);
    },
    ehrConnector: options.ehr ?? 'none',
    consentRequired: options.consentRequired ?? true,
    retentionDays: policies.get('default').transcriptDays,
    retention: () => policies.get('default'),
    canAdminister: () => guard.isAdministrator(),
    dataDir: options.dataDir,
  });
  core.registry.register('session:billing', ({ sessionId }) =>
    sessions.getBilling(sessionId),
  );
  // The guarded service co-signs as the signed-in user; the argument is
  // ignored there, so no caller can co-sign in someone else's name.
  core.registry.register('note:cosign', ({ sessionId }) =>
    sessions.cosignNote(sessionId, { id: '', name: '' }),
  );

  return {
    ...core,
    store,
    auth,
    sessions,
    capture,
    close: async () => {
      jobs.cancelAll();
      downloads.cancelAll();
      clearInterval(outboxTimer);
      await options.engines.dispose?.();
      await ehr?.close();
      await inner.close();
    },
  };
}
