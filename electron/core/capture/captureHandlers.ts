import type { CaptureStatus } from '../../contract/captureContract';
import type { HandlerRegistry } from '../ipc/registry';
import type { CaptureController } from './captureController';

/**
 * Who may drive and watch a recording. The app core answers with the
 * access policy (the session's own clinician records; refusals are
 * audited); the screen tests' fake bridge, which has no users, allows all.
 */
export interface CaptureAccess {
  /** Throws `forbidden` (audited) unless the user may record this session. */
  requireRecorder(sessionId: string): void;
  /** Whether the user may see this session's live transcript. */
  maySee(sessionId: string): boolean;
}

/**
 * Registers the live capture channels. The caller builds the controller
 * with the platform's AudioSource (PulseAudioSource on Linux) and hands
 * saved recordings to the main job (e.g. `session:import`'s job runner).
 */
export function registerCaptureHandlers(
  registry: HandlerRegistry,
  controller: CaptureController,
  access: CaptureAccess,
): void {
  registry.register('capture:status', () =>
    visible(controller.status(), access),
  );
  registry.register('capture:start', ({ sessionId, consent }) => {
    access.requireRecorder(sessionId);
    return controller.start(sessionId, consent);
  });
  registry.register('capture:pause', ({ sessionId }) => {
    access.requireRecorder(sessionId);
    return controller.pause(sessionId);
  });
  registry.register('capture:resume', ({ sessionId }) => {
    access.requireRecorder(sessionId);
    return controller.resume(sessionId);
  });
  registry.register('capture:stop', ({ sessionId }) => {
    access.requireRecorder(sessionId);
    return controller.stop(sessionId);
  });
  registry.register('capture:live', ({ sessionId }) => {
    access.requireRecorder(sessionId);
    const live = controller.transcript();
    const mine = live?.sessionId === sessionId;
    return {
      sessionId,
      segments: mine ? [...live.segments] : [],
      flags: mine ? [...live.flags] : [],
    };
  });
}

/**
 * Someone else's recording shows as busy, without its session or levels:
 * the machine records one session at a time, and says so.
 */
function visible(status: CaptureStatus, access: CaptureAccess): CaptureStatus {
  if (status.sessionId === null || access.maySee(status.sessionId))
    return status;
  return {
    sessionId: null,
    state: status.state,
    degraded: null,
    elapsedSec: 0,
    levels: { mic: 0, system: 0 },
    silent: null,
    consent: null,
    error: null,
  };
}
