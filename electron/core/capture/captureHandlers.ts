import type { HandlerRegistry } from '../ipc/registry';
import type { CaptureController } from './captureController';

/**
 * Registers the live capture channels. The caller builds the controller
 * with the platform's AudioSource (PulseAudioSource on Linux) and hands
 * saved recordings to the main job (e.g. `session:import`'s job runner).
 */
export function registerCaptureHandlers(
  registry: HandlerRegistry,
  controller: CaptureController,
): void {
  registry.register('capture:status', () => controller.status());
  registry.register('capture:start', ({ sessionId, consent }) =>
    controller.start(sessionId, consent),
  );
  registry.register('capture:pause', ({ sessionId }) =>
    controller.pause(sessionId),
  );
  registry.register('capture:resume', ({ sessionId }) =>
    controller.resume(sessionId),
  );
  registry.register('capture:stop', ({ sessionId }) =>
    controller.stop(sessionId),
  );
}
