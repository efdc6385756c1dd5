import { create } from 'zustand';
import type { EventMap } from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { describeError } from '../api/errorText';
import { errorWords } from '../lib/callError';
import { toBase64 } from '../lib/base64';

export type JobState =
  'uploading' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportJob {
  jobId: string | undefined;
  sessionId: string;
  fileName: string;
  state: JobState;
  step: string;
  /** 0..1 across the whole pipeline. */
  fraction: number;
  error: string | undefined;
}

export interface ImportRequest {
  format: string;
  engine: 'llm' | 'rules';
}

interface ImportState {
  job: ImportJob | undefined;
  /** Job ends heard before the upload's reply named the job. */
  early: Record<string, EventMap['job']>;
  /** Sends the file and follows the job's progress until it ends. */
  importFile: (
    client: Client,
    sessionId: string,
    file: File,
    request: ImportRequest,
  ) => Promise<void>;
  cancel: (client: Client) => Promise<void>;
  onProgress: (event: EventMap['progress']) => void;
  onJob: (event: EventMap['job']) => void;
  clear: () => void;
}

/** Importing a recording made elsewhere: upload, progress, cancel, outcome. */
export const useImport = create<ImportState>()((set, get) => ({
  job: undefined,
  early: {},

  importFile: async (client, sessionId, file, request) => {
    set({
      job: {
        jobId: undefined,
        sessionId,
        fileName: file.name,
        state: 'uploading',
        step: 'upload',
        fraction: 0,
        error: undefined,
      },
    });
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const { jobId } = await client.call('session:import', {
        sessionId,
        fileName: file.name,
        base64,
        ...request,
      });
      update(set, get, (job) =>
        job.state === 'uploading' ? { ...job, jobId, state: 'running' } : job,
      );
      const ended = get().early[jobId];
      if (ended) get().onJob(ended);
    } catch (error) {
      update(set, get, (job) => ({
        ...job,
        state: 'failed',
        error: errorWords(error),
      }));
    }
  },

  cancel: async (client) => {
    const jobId = get().job?.jobId;
    if (!jobId) return;
    try {
      await client.call('job:cancel', { jobId });
    } catch (error) {
      update(set, get, (job) => ({ ...job, error: errorWords(error) }));
    }
  },

  onProgress: ({ jobId, step, fraction }) => {
    update(set, get, (job) =>
      job.jobId === jobId && job.state === 'running'
        ? { ...job, step, fraction }
        : job,
    );
  },

  onJob: (event) => {
    const { jobId, state, error } = event;
    if (get().job?.jobId !== jobId) {
      set({ early: { ...get().early, [jobId]: event } });
      return;
    }
    update(set, get, (job) =>
      job.jobId === jobId
        ? {
            ...job,
            state,
            fraction: state === 'done' ? 1 : job.fraction,
            error: error ? describeError(error) : undefined,
          }
        : job,
    );
  },

  clear: () => set({ job: undefined }),
}));

type Set = (partial: Partial<ImportState>) => void;

function update(
  set: Set,
  get: () => ImportState,
  fn: (job: ImportJob) => ImportJob,
): void {
  const job = get().job;
  if (job) set({ job: fn(job) });
}
