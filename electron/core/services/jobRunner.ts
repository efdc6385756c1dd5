import { randomUUID } from 'node:crypto';
import type { JobStarted } from '../../contract/contract';
import { toErrorInfo } from '../../contract/errors';
import type { EventBus } from '../app/events';
import { log } from '../log/logger';

/** Work that reports progress and stops when its signal aborts. */
export type JobWork = (
  signal: AbortSignal,
  progress: (step: string, fraction: number) => void,
) => Promise<unknown>;

/**
 * Runs long work (transcribing an imported file, drafting) in the
 * background: the caller gets a job id at once, then `progress` events and
 * one `job` event when it ends. One job per session at a time, so a second
 * click cannot process the same recording twice.
 */
export class JobRunner {
  private readonly running = new Map<
    string,
    { sessionId: string; abort: AbortController }
  >();

  constructor(private readonly events: EventBus) {}

  start(sessionId: string, work: JobWork): JobStarted {
    const busy = [...this.running.entries()].find(
      ([, job]) => job.sessionId === sessionId,
    );
    if (busy) return { jobId: busy[0], sessionId };

    const jobId = randomUUID();
    const abort = new AbortController();
    this.running.set(jobId, { sessionId, abort });
    log().info('job.started', { jobId, sessionId });
    void this.run(jobId, sessionId, abort.signal, work);
    return { jobId, sessionId };
  }

  /** Asks a running job to stop; false when it already ended. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.abort.abort();
    return job !== undefined;
  }

  /** Waits for nothing: aborts every job (the app is closing). */
  cancelAll(): void {
    for (const job of this.running.values()) job.abort.abort();
  }

  private async run(
    jobId: string,
    sessionId: string,
    signal: AbortSignal,
    work: JobWork,
  ) {
    const progress = (step: string, fraction: number) => {
      this.events.emit('progress', { jobId, step, fraction });
    };
    try {
      await work(signal, progress);
      this.finish(jobId, sessionId, 'done');
    } catch (error) {
      const info = toErrorInfo(error);
      if (signal.aborted || info.kind === 'cancelled') {
        this.finish(jobId, sessionId, 'cancelled');
        return;
      }
      if (info.kind === 'internal')
        log().error('job.failed', { jobId, sessionId, error });
      this.finish(jobId, sessionId, 'failed', info);
    }
  }

  private finish(
    jobId: string,
    sessionId: string,
    state: 'done' | 'failed' | 'cancelled',
    error?: ReturnType<typeof toErrorInfo>,
  ): void {
    this.running.delete(jobId);
    log().info('job.ended', { jobId, sessionId, state });
    this.events.emit(
      'job',
      error ? { jobId, sessionId, state, error } : { jobId, sessionId, state },
    );
  }
}
