import { create } from 'zustand';
import type {
  InstrumentView,
  QuickInstrument,
  RecordedAssessmentView,
} from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';
import { useCapture } from './capture';

interface QuickEntryStore {
  /** PHQ-9 and GAD-7 as the core serves them (resources/instruments). */
  instruments: InstrumentView[];
  sessionId: string | undefined;
  instrumentId: QuickInstrument;
  /** Item 1 first; null while an item is not answered. */
  answers: (number | null)[];
  /** Entries saved for this session, newest last. */
  saved: RecordedAssessmentView[];
  saving: boolean;
  error: string | undefined;
  load: (client: Client) => Promise<void>;
  /** Starts quick entry for a session; entries of another one are cleared. */
  open: (sessionId: string) => void;
  choose: (instrumentId: QuickInstrument) => void;
  answer: (index: number, value: number) => void;
  save: (client: Client) => Promise<void>;
}

/**
 * Quick entry of PHQ-9 or GAD-7 answers during a live session: the
 * clinician records each item's answer, and the core scores and saves it
 * (as a form, confirmed by them). An item-9 flag shows beside the live
 * risk flags at once.
 */
export const useQuickEntry = create<QuickEntryStore>()((set, get) => ({
  instruments: [],
  sessionId: undefined,
  instrumentId: 'phq9',
  answers: [],
  saved: [],
  saving: false,
  error: undefined,

  load: async (client) => {
    if (get().instruments.length > 0) return;
    try {
      set({ instruments: await client.call('assessment:instruments', {}) });
    } catch (error) {
      set({ error: errorWords(error) });
    }
  },
  open: (sessionId) => {
    if (get().sessionId === sessionId) return;
    set({ sessionId, answers: [], saved: [], error: undefined });
  },
  choose: (instrumentId) =>
    set({ instrumentId, answers: [], error: undefined }),
  answer: (index, value) => {
    const answers = [...get().answers];
    while (answers.length < index) answers.push(null);
    answers[index - 1] = value;
    set({ answers });
  },

  save: async (client) => {
    const { sessionId, instrumentId, answers } = get();
    if (!sessionId) return;
    if (!answers.some((a) => a !== null)) {
      set({ error: 'Answer at least one item first.' });
      return;
    }
    set({ saving: true, error: undefined });
    try {
      const recorded = await client.call('assessment:record', {
        sessionId,
        instrumentId,
        answers,
      });
      set({ saved: [...get().saved, recorded], answers: [] });
      for (const flag of recorded.flags)
        useCapture.getState().onRisk({ sessionId, flag });
    } catch (error) {
      set({ error: errorWords(error) });
    } finally {
      set({ saving: false });
    }
  },
}));

/** Scored items of the instrument still without an answer. */
export function unanswered(
  instrument: InstrumentView,
  answers: readonly (number | null)[],
): number {
  return instrument.items.filter(
    (item) => item.scored && (answers[item.index - 1] ?? null) === null,
  ).length;
}
