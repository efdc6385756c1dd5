import { appendAudit } from '../audit/audit';
import type { EventBus } from '../app/events';
import type { HandlerRegistry } from '../ipc/registry';
import { startImport } from '../services/handlers';
import type { JobRunner } from '../services/jobRunner';
import type { StoreHandle } from '../services/storeHandle';
import type { SessionService } from '../services/types';
import { createSpoolKey } from '../spool/spoolKeys';
import { AppError } from '../../contract/errors';
import type { AudioSource } from './audioSource';
import { CaptureController } from './captureController';
import { registerCaptureHandlers, type CaptureAccess } from './captureHandlers';
import { LiveTranscript, type SegmentStream } from './liveTranscript';
import { PulseAudioSource } from './pulseAudioSource';
import { spoolSink } from './spoolSink';

export interface CaptureWiring {
  registry: HandlerRegistry;
  events: EventBus;
  store: StoreHandle;
  /** The guarded session service: the saved recording runs its main job. */
  sessions: SessionService;
  jobs: JobRunner;
  /** Who records (the signed-in user), for the consent audit row. */
  actor: () => string;
  /** Practice setting; on unless the practice turned it off. */
  consentRequired?: boolean;
  /** Overrides the platform source (tests, the desktop renderer's feed). */
  source?: () => AudioSource;
  /** Ownership checks on the capture channels (the access policy). */
  access: CaptureAccess;
  /**
   * The streaming pipeline for a new recording's live transcript; none
   * when no speech model is configured (the main job still transcribes).
   */
  live?: () => SegmentStream | Promise<SegmentStream>;
  /**
   * Whether live transcript and risk events may be pushed now: not while
   * the app is locked; the screen catches up with `capture:live`.
   */
  mayPush?: () => boolean;
}

/**
 * Live capture for the core: the platform's AudioSource, spooled to the
 * encrypted store, a consent record in the audit trail, and on stop the
 * main job on the stereo recording (microphone left, system audio right).
 */
export function registerCapture(wiring: CaptureWiring): CaptureController {
  const live = wiring.live;
  const controller = new CaptureController({
    source: wiring.source ?? platformSource,
    sink: (sessionId) =>
      spoolSink({
        root: wiring.store.spoolRoot,
        sessionId,
        createKey: (spoolId, id) =>
          createSpoolKey(wiring.store.db, spoolId, id),
      }),
    events: wiring.events,
    consentRequired: wiring.consentRequired ?? true,
    recordConsent: (sessionId, means) => {
      appendAudit(wiring.store.db, {
        actor: wiring.actor(),
        action: 'create',
        objectType: 'recording_consent',
        objectId: sessionId,
        detail: { means },
      });
    },
    ...(live
      ? { live: (sessionId: string) => liveFor(wiring, live(), sessionId) }
      : {}),
    onSaved: (sessionId, file) =>
      startImport(wiring.jobs, wiring.sessions, sessionId, file, {
        format: 'soap',
        engine: 'rules',
        channels: ['mic', 'system'],
      }).jobId,
  });
  registerCaptureHandlers(wiring.registry, controller, wiring.access);
  return controller;
}

function liveFor(
  wiring: CaptureWiring,
  stream: SegmentStream | Promise<SegmentStream>,
  sessionId: string,
): LiveTranscript {
  const open = () => wiring.mayPush?.() ?? true;
  return new LiveTranscript(sessionId, stream, {
    segment: (segment) => {
      if (open()) wiring.events.emit('segment', { sessionId, segment });
    },
    risk: (flag) => {
      if (open()) wiring.events.emit('risk', { sessionId, flag });
    },
  });
}

/**
 * Linux captures in the core through the sound server. macOS and Windows
 * capture in the desktop renderer (display-media loopback and the
 * microphone), which the browser bridge cannot reach.
 */
function platformSource(): AudioSource {
  if (process.platform === 'linux') return new PulseAudioSource();
  throw new AppError(
    'capture_failed',
    'Live capture on this system needs the desktop app.',
  );
}
