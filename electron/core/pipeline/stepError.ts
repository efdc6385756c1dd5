import { AppError, isAppError } from '../../contract/errors';
import type { PipelineStep } from '../services/types';

/**
 * A failure of one step of the main job. It keeps the cause's kind (so the
 * UI words stay right) and names the step in its message.
 */
export class StepError extends AppError {
  readonly step: PipelineStep;

  constructor(step: PipelineStep, cause: unknown) {
    const inner = isAppError(cause)
      ? cause
      : new AppError('internal', 'an unexpected error occurred');
    super(inner.kind, `${step} step failed: ${inner.message}`, { cause });
    this.name = 'StepError';
    this.step = step;
  }
}

/** Runs one step, turning any failure into a StepError naming it. */
export async function step<T>(
  name: PipelineStep,
  work: () => Promise<T> | T,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(name, error);
  }
}
