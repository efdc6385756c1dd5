import { create } from 'zustand';
import type {
  CaptureStatus,
  ConsentMeans,
  EventMap,
  RiskFlagView,
  SegmentView,
} from '../../../electron/contract/contract';
import { CallError, type Client } from '../api/client';
import { errorWords } from '../lib/callError';

interface CaptureStore {
  status: CaptureStatus;
  /** Live transcript and risk flags of the session being recorded. */
  segments: SegmentView[];
  flags: RiskFlagView[];
  consent: ConsentMeans | undefined;
  /** False when this core serves no live capture (the browser bridge off Linux). */
  available: boolean;
  /** The processing job started when recording stopped. */
  jobId: string | undefined;
  error: string | undefined;
  setConsent: (means: ConsentMeans) => void;
  refresh: (client: Client) => Promise<void>;
  start: (
    client: Client,
    sessionId: string,
    consentRequired: boolean,
  ) => Promise<void>;
  pause: (client: Client) => Promise<void>;
  resume: (client: Client) => Promise<void>;
  stop: (client: Client) => Promise<void>;
  /** The tray or global shortcut: stop a live recording, else start one. */
  toggle: (
    client: Client,
    sessionId: string | undefined,
    consentRequired: boolean,
  ) => Promise<void>;
  onStatus: (status: CaptureStatus) => void;
  onSegment: (event: EventMap['segment']) => void;
  onRisk: (event: EventMap['risk']) => void;
  /** Reloads what the live pipeline heard (after a reload or an unlock). */
  catchUp: (client: Client, sessionId: string) => Promise<void>;
}

export const IDLE: CaptureStatus = {
  sessionId: null,
  state: 'idle',
  degraded: null,
  elapsedSec: 0,
  levels: { mic: 0, system: 0 },
  silent: null,
  consent: null,
  error: null,
};

/** Live capture as the Session screen drives it. */
export const useCapture = create<CaptureStore>()((set, get) => {
  async function call(work: () => Promise<CaptureStatus>) {
    set({ error: undefined });
    try {
      set({ status: await work() });
    } catch (error) {
      set({ error: errorWords(error) });
    }
  }
  const sessionId = () => get().status.sessionId ?? '';

  return {
    status: IDLE,
    segments: [],
    flags: [],
    consent: undefined,
    available: true,
    jobId: undefined,
    error: undefined,

    setConsent: (consent) => set({ consent }),
    refresh: async (client) => {
      try {
        const status = await client.call('capture:status', {});
        set({ status, available: true });
        if (status.sessionId && isLive(status))
          await get().catchUp(client, status.sessionId);
      } catch (error) {
        const unserved =
          error instanceof CallError && error.info.kind === 'invalid_request';
        set(unserved ? { available: false } : { error: errorWords(error) });
      }
    },

    start: async (client, id, consentRequired) => {
      const consent = get().consent;
      if (consentRequired && !consent) {
        set({ error: 'Record how the client consented to recording first.' });
        return;
      }
      set({ segments: [], flags: [], jobId: undefined });
      await call(() =>
        client.call(
          'capture:start',
          consent ? { sessionId: id, consent } : { sessionId: id },
        ),
      );
    },
    pause: (client) =>
      call(() => client.call('capture:pause', { sessionId: sessionId() })),
    resume: (client) =>
      call(() => client.call('capture:resume', { sessionId: sessionId() })),
    stop: (client) =>
      call(async () => {
        const { jobId, ...status } = await client.call('capture:stop', {
          sessionId: sessionId(),
        });
        set({ jobId: jobId ?? undefined });
        return status;
      }),

    toggle: async (client, id, consentRequired) => {
      if (isLive(get().status)) await get().stop(client);
      else if (id) await get().start(client, id, consentRequired);
      else set({ error: 'Open a session first, then start recording.' });
    },

    onStatus: (status) => set({ status }),
    onSegment: ({ sessionId: id, segment }) => {
      const { status, segments } = get();
      if (id !== status.sessionId) return;
      if (segments.some((s) => s.id === segment.id)) return;
      set({ segments: [...segments, segment] });
    },
    onRisk: ({ sessionId: id, flag }) => {
      const { status, flags } = get();
      if (id !== status.sessionId) return;
      if (flags.some((f) => f.id === flag.id)) return;
      set({ flags: [...flags, flag] });
    },
    catchUp: async (client, id) => {
      try {
        const live = await client.call('capture:live', { sessionId: id });
        if (live.sessionId !== get().status.sessionId) return;
        set({
          segments: live.segments,
          flags: mergeFlags(get().flags, live.flags),
        });
      } catch (error) {
        set({ error: errorWords(error) });
      }
    },
  };
});

/** Flags already shown stay (a quick-entry flag is not in the live list). */
function mergeFlags(
  shown: RiskFlagView[],
  heard: RiskFlagView[],
): RiskFlagView[] {
  const known = new Set(shown.map((f) => f.id));
  return [...shown, ...heard.filter((f) => !known.has(f.id))];
}

/** True while the controls for a running capture apply. */
export function isLive(status: CaptureStatus): boolean {
  return (
    status.state === 'recording' ||
    status.state === 'paused' ||
    status.state === 'preparing'
  );
}
