import type { CaptureState } from '../../contract/captureContract';
import { AppError } from '../../contract/errors';

/**
 * The capture state machine: idle -> preparing -> recording (<-> paused)
 * -> finalizing -> saved; any live state may fail. `degraded` is kept
 * beside the state, never instead of it: recording goes on when something
 * is wrong (STYLE.md, "Never drop the recording").
 */
const NEXT: Record<CaptureState, readonly CaptureState[]> = {
  idle: ['preparing'],
  preparing: ['recording', 'failed'],
  recording: ['paused', 'finalizing', 'failed'],
  paused: ['recording', 'finalizing', 'failed'],
  finalizing: ['saved', 'failed'],
  saved: ['preparing'],
  failed: ['preparing'],
};

export class CaptureMachine {
  private current: CaptureState = 'idle';

  get state(): CaptureState {
    return this.current;
  }

  /** Moves to `next` or throws `conflict` naming the refused move. */
  to(next: CaptureState): void {
    if (!NEXT[this.current].includes(next)) {
      throw new AppError(
        'conflict',
        `Capture cannot go from ${this.current} to ${next}.`,
      );
    }
    this.current = next;
  }

  can(next: CaptureState): boolean {
    return NEXT[this.current].includes(next);
  }

  /** True while audio may arrive and be kept. */
  get live(): boolean {
    return this.current === 'recording' || this.current === 'paused';
  }
}
