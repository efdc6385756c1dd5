import { create } from 'zustand';
import type {
  NoteVersionView,
  SessionDetailView,
} from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';
import {
  applyEdits,
  evidenceClipRange,
  evidenceFocus,
  findSentence,
  type EvidenceFocus,
} from '../review/evidence';

export interface RedraftChoice {
  format: string;
  engine: 'rules' | 'llm';
  sectionId?: string;
}

interface ReviewState {
  detail: SessionDetailView | undefined;
  selected: string | undefined;
  focus: EvidenceFocus | undefined;
  /** Sentence id to edited text, not yet saved. */
  edits: Record<string, string>;
  busy: boolean;
  error: string | undefined;
  open: (client: Client, sessionId: string) => Promise<void>;
  select: (sentenceId: string) => void;
  edit: (sentenceId: string, text: string) => void;
  discard: () => void;
  save: (client: Client) => Promise<void>;
  sign: (client: Client) => Promise<void>;
  amend: (client: Client, reason: string) => Promise<void>;
  /**
   * Drafts the unsigned note again: the whole note in `format` (a template
   * switch), or only `sectionId` with the rest kept.
   */
  redraft: (client: Client, request: RedraftChoice) => Promise<void>;
  deliver: (client: Client) => Promise<void>;
}

/** One session under review: the note, its evidence, signing and delivery. */
export const useReview = create<ReviewState>()((set, get) => {
  /** Runs a call that changes the session, then reloads it. */
  async function change(
    client: Client,
    work: (detail: SessionDetailView) => Promise<unknown>,
  ) {
    const detail = get().detail;
    if (!detail || get().busy) return;
    set({ busy: true, error: undefined });
    try {
      await work(detail);
      const fresh = await client.call('session:get', {
        sessionId: detail.summary.id,
      });
      set({ detail: fresh, busy: false });
    } catch (error) {
      set({ busy: false, error: errorWords(error) });
    }
  }

  return {
    detail: undefined,
    selected: undefined,
    focus: undefined,
    edits: {},
    busy: false,
    error: undefined,

    open: async (client, sessionId) => {
      const same = get().detail?.summary.id === sessionId;
      set({
        error: undefined,
        ...(same ? {} : { selected: undefined, focus: undefined, edits: {} }),
      });
      try {
        set({ detail: await client.call('session:get', { sessionId }) });
      } catch (error) {
        set({ error: errorWords(error) });
      }
    },

    select: (sentenceId) => {
      const detail = get().detail;
      const sentence =
        detail?.note && findSentence(detail.note.draft, sentenceId);
      if (!detail || !sentence) return;
      set({
        selected: sentenceId,
        focus: evidenceFocus(sentence, detail.transcript),
      });
    },

    edit: (sentenceId, text) =>
      set({ edits: { ...get().edits, [sentenceId]: text } }),
    discard: () => set({ edits: {} }),

    save: (client) =>
      change(client, async (detail) => {
        if (!detail.note) return;
        await client.call('note:edit', {
          sessionId: detail.summary.id,
          draft: applyEdits(detail.note.draft, get().edits),
        });
        set({ edits: {} });
      }),

    sign: async (client) => {
      if (Object.keys(get().edits).length > 0) {
        set({ error: 'Save or discard your edits before signing.' });
        return;
      }
      await change(client, (detail) =>
        client.call('note:sign', { sessionId: detail.summary.id }),
      );
    },

    amend: (client, reason) =>
      change(client, async (detail) => {
        const note = detail.note;
        if (!note) return;
        await client.call('note:amend', {
          sessionId: detail.summary.id,
          draft: applyEdits(note.draft, get().edits),
          reason,
        });
        set({ edits: {} });
      }),

    redraft: async (client, { format, engine, sectionId }) => {
      if (Object.keys(get().edits).length > 0) {
        set({ error: 'Save or discard your edits before redrafting.' });
        return;
      }
      await change(client, (detail) =>
        client.call('note:redraft', {
          sessionId: detail.summary.id,
          format,
          engine,
          ...(sectionId ? { sectionId } : {}),
        }),
      );
      // The sentences were replaced: the old selection points nowhere.
      if (!get().error) set({ selected: undefined, focus: undefined });
    },

    deliver: (client) =>
      change(client, (detail) =>
        client.call('session:deliver', { sessionId: detail.summary.id }),
      ),
  };
});

/** A signed or amended note is locked: changes go through an amendment. */
export function isLocked(note: NoteVersionView | null | undefined): boolean {
  return note?.status === 'signed' || note?.status === 'amended';
}

/**
 * What to play for the selected sentence: its evidence's stretch of the
 * recording, or nothing when it restates the appointment or has no support.
 */
export function selectedClipRequest(
  state: Pick<ReviewState, 'detail' | 'selected' | 'focus'>,
):
  | { sessionId: string; sentenceId: string; start: number; end: number }
  | undefined {
  const { detail, selected, focus } = state;
  if (!detail || !selected || !focus) return undefined;
  const range = evidenceClipRange(focus, detail.transcript);
  return range
    ? { sessionId: detail.summary.id, sentenceId: selected, ...range }
    : undefined;
}
