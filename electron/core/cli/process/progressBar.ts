import { SingleBar } from 'cli-progress';
import { PIPELINE_STEPS, type PipelineStep } from '../../services/types';

/**
 * One bar on stderr for the whole job: each step is an equal share, and
 * the label names the step in progress.
 */
export function createStepBar(enabled: boolean): {
  update(step: PipelineStep, fraction: number): void;
  stop(): void;
} {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {step}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
    barsize: 30,
  });
  const total = PIPELINE_STEPS.length * 100;
  bar.start(total, 0, { step: 'starting' });
  return {
    update(step, fraction) {
      const index = PIPELINE_STEPS.indexOf(step);
      const clamped = Math.max(0, Math.min(1, fraction));
      bar.update(Math.round((index + clamped) * 100), { step });
    },
    stop() {
      bar.stop();
    },
  };
}
