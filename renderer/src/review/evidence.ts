import type {
  DraftSentenceView,
  DraftView,
  SegmentView,
  TranscriptView,
} from '../../../electron/contract/contract';

/** Where a sentence's support lies, ready for the transcript pane. */
export interface EvidenceFocus {
  segmentIds: string[];
  /** Seconds into the recording where the evidence starts (for playback). */
  start: number | null;
  end: number | null;
  /** The appointment field it restates, when not from speech. */
  appointmentField: string | null;
}

export function findSentence(
  draft: DraftView,
  sentenceId: string,
): DraftSentenceView | undefined {
  for (const section of draft.sections) {
    const found = section.sentences.find((s) => s.id === sentenceId);
    if (found) return found;
  }
  return undefined;
}

/**
 * The transcript segments that support a sentence: its listed segment ids,
 * or, when a sentence names only a time span, the segments overlapping it.
 */
export function evidenceFocus(
  sentence: DraftSentenceView,
  transcript: TranscriptView | null,
): EvidenceFocus {
  const { evidence } = sentence;
  if (!('segmentIds' in evidence)) {
    return {
      segmentIds: [],
      start: null,
      end: null,
      appointmentField: evidence.appointment,
    };
  }

  const segments = transcript?.segments ?? [];
  const known = new Set(segments.map((s) => s.id));
  let ids = evidence.segmentIds.filter((id) => known.has(id));
  if (ids.length === 0)
    ids = overlapping(segments, evidence.start, evidence.end).map((s) => s.id);
  return {
    segmentIds: ids,
    start: evidence.start,
    end: evidence.end,
    appointmentField: null,
  };
}

function overlapping(
  segments: SegmentView[],
  start: number,
  end: number,
): SegmentView[] {
  return segments.filter((s) => s.start < end && s.end > start);
}

/** How many sentences are marked as thinly supported. */
export function lowEvidenceCount(draft: DraftView): number {
  return draft.sections.reduce(
    (n, s) => n + s.sentences.filter((x) => x.lowEvidence).length,
    0,
  );
}

/** The draft with edited sentence texts applied; untouched sentences keep theirs. */
export function applyEdits(
  draft: DraftView,
  edits: Readonly<Record<string, string>>,
): DraftView {
  return {
    ...draft,
    sections: draft.sections.map((section) => ({
      ...section,
      sentences: section.sentences.map((s) => {
        const text = edits[s.id];
        return text === undefined ? s : { ...s, text: text.trim() };
      }),
    })),
  };
}

/** The longest stretch played for one sentence (the core's limit too). */
export const MAX_CLIP_SEC = 60;
/** Played before and after the evidence, so its first word is not cut. */
const PAD_SEC = 0.25;

/**
 * The stretch of the recording to play for a sentence: from its first
 * supporting segment to its last, padded a little, at most MAX_CLIP_SEC.
 * Null when the sentence restates the appointment or has no support.
 */
export function evidenceClipRange(
  focus: EvidenceFocus,
  transcript: TranscriptView | null,
): { start: number; end: number } | null {
  const ids = new Set(focus.segmentIds);
  const segments = (transcript?.segments ?? []).filter((s) => ids.has(s.id));
  const start = Math.min(
    ...segments.map((s) => s.start),
    focus.start ?? Infinity,
  );
  const end = Math.max(...segments.map((s) => s.end), focus.end ?? -Infinity);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
    return null;
  const from = Math.max(0, start - PAD_SEC);
  return { start: from, end: Math.min(end + PAD_SEC, from + MAX_CLIP_SEC) };
}
