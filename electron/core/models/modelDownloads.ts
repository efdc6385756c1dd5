import { AppError } from '../../contract/errors';
import type { DownloadProgress } from './download';
import { ensureModel, type EnsureOptions } from './manager';

/** Reports per download at most: one per whole percent (a 500 MB model is ~30k chunks). */
const STEPS = 100;

export interface DownloadTick {
  name: string;
  receivedBytes: number;
  totalBytes: number;
}

/**
 * The model downloads running in this process, one per model, each
 * cancellable. A cancelled download keeps its `.part` file, which the
 * next `start` resumes with an HTTP Range request (download.ts); only a
 * complete file that matches its pinned sha256 is installed.
 */
export class ModelDownloads {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly options: Omit<EnsureOptions, 'signal' | 'onProgress'> = {},
  ) {}

  /** Downloads a manifest model; resolves with its path once installed. */
  async start(
    name: string,
    onTick: (tick: DownloadTick) => void = () => undefined,
  ): Promise<string> {
    if (this.running.has(name)) {
      throw new AppError('conflict', 'This model is already downloading.');
    }
    const controller = new AbortController();
    this.running.set(name, controller);
    try {
      return await ensureModel(name, {
        ...this.options,
        signal: controller.signal,
        onProgress: throttle(name, onTick),
      });
    } finally {
      this.running.delete(name);
    }
  }

  /** Stops a running download; false when none runs for that model. */
  cancel(name: string): boolean {
    const controller = this.running.get(name);
    controller?.abort();
    return controller !== undefined;
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}

function throttle(
  name: string,
  onTick: (tick: DownloadTick) => void,
): (progress: DownloadProgress) => void {
  let last = -1;
  return ({ receivedBytes, totalBytes }) => {
    if (!totalBytes) return;
    // The whole percent shown changes: the bar never lags behind a pause.
    const step = Math.floor((receivedBytes / totalBytes) * STEPS);
    if (step === last) return;
    last = step;
    onTick({ name, receivedBytes, totalBytes });
  };
}
