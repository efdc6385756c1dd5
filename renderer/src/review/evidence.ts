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
