import { normalizeWords } from '../../electron/core/speech/wer';
import type { Segment } from '../../electron/core/domain/transcript';

export interface ReferenceUtterance {
  role: 'clinician' | 'client';
  start: number;
  end: number;
  text: string;
}

/**
 * Of the reference words the transcript recovered, the share that landed in
 * a segment of the right role. Each reference utterance is matched against
 * the segments overlapping it in time (with a small tolerance); a word
 * counts once, in the first segment that holds it.
 */
export function roleAccuracy(
  reference: readonly ReferenceUtterance[],
  segments: readonly Segment[],
  toleranceSec = 1,
): { right: number; wrong: number; accuracy: number } {
  let right = 0;
  let wrong = 0;
  for (const utterance of reference) {
    const pending = new Map<string, number>();
    for (const word of normalizeWords(utterance.text))
      pending.set(word, (pending.get(word) ?? 0) + 1);
    const overlapping = segments.filter(
      (s) =>
        s.start < utterance.end + toleranceSec &&
        s.end > utterance.start - toleranceSec,
    );
    for (const segment of overlapping) {
      for (const word of normalizeWords(segment.text)) {
        const left = pending.get(word) ?? 0;
        if (left === 0) continue;
        pending.set(word, left - 1);
        if (segment.role === utterance.role) right += 1;
        else wrong += 1;
      }
    }
  }
  return { right, wrong, accuracy: right / Math.max(1, right + wrong) };
}
