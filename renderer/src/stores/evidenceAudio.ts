import { create } from 'zustand';
import type { Client } from '../api/client';
import { CallError } from '../api/client';
import { errorWords } from '../lib/callError';

/** A fetched stretch of the session's recording, ready to play. */
export interface EvidenceClip {
  /** The sentence whose evidence it is. */
  sentenceId: string;
  start: number;
  end: number;
  /** A mono WAV file, base64 (as the contract sends it). */
  base64: string;
  /** Changes on every fetch, so the same clip can be played again. */
  take: number;
}

export type EvidenceAudioStatus =
  'idle' | 'loading' | 'ready' | 'unavailable' | 'failed';

interface EvidenceAudioState {
  status: EvidenceAudioStatus;
  clip: EvidenceClip | undefined;
  /** Why there is no clip, in plain words. */
  message: string | undefined;
  play: (
    client: Client,
    request: {
      sessionId: string;
      sentenceId: string;
      start: number;
      end: number;
    },
  ) => Promise<void>;
  stop: () => void;
}

let takes = 0;

/**
 * The evidence audio of the selected sentence: fetched from the core's
 * encrypted spool on each play. A later request wins over an earlier one
 * still in flight, so clicking quickly through sentences plays the last.
 */
export const useEvidenceAudio = create<EvidenceAudioState>()((set, get) => ({
  status: 'idle',
  clip: undefined,
  message: undefined,

  play: async (client, { sessionId, sentenceId, start, end }) => {
    const take = ++takes;
    set({ status: 'loading', clip: undefined, message: undefined });
    try {
      const reply = await client.call('session:audioClip', {
        sessionId,
        start,
        end,
      });
      if (take !== takes) return;
      set({
        status: 'ready',
        clip: {
          sentenceId,
          start: reply.start,
          end: reply.end,
          base64: reply.base64,
          take,
        },
      });
    } catch (error) {
      if (take !== takes) return;
      const gone =
        error instanceof CallError && error.info.kind === 'not_found';
      set({
        status: gone ? 'unavailable' : 'failed',
        message: gone
          ? 'The recording is no longer kept (retention deletes it at signing).'
          : errorWords(error),
      });
    }
  },

  stop: () => {
    takes++;
    if (get().status !== 'idle')
      set({ status: 'idle', clip: undefined, message: undefined });
  },
}));
