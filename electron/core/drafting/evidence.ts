import type { Segment } from '../domain/transcript';
import type { SegmentEvidence } from './types';

/** Evidence for a set of segment ids: unique, in transcript order, with times. */
export function evidenceFor(
  ids: readonly string[],
  byId: ReadonlyMap<string, Segment>,
): SegmentEvidence | undefined {
  const segments = [...new Set(ids)]
    .map((id) => byId.get(id))
    .filter((s): s is Segment => s !== undefined)
    .sort((a, b) => a.start - b.start);
  const first = segments[0];
  if (!first) return undefined;

  return {
    segmentIds: segments.map((s) => s.id),
    start: first.start,
    end: Math.max(...segments.map((s) => s.end)),
  };
}

export function indexSegments(
  segments: readonly Segment[],
): Map<string, Segment> {
  return new Map(segments.map((s) => [s.id, s]));
}

const STOP = new Set(
  "a an the and or but if of to in on at for with about that this it is are was were be been i i'm i've you your me my we our they their he she his her client clinician reported reports said says so do did not no yes just really very would could should can will".split(
    ' ',
  ),
);

/** Lower-cased content words, lightly stemmed, for grounding checks. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w)).map(stem));
}

function stem(word: string): string {
  return word
    .replace(/'s$/, '')
    .replace(/(ing|ed|es|s)$/, '')
    .slice(0, 8);
}

/**
 * Share of a statement's content words found in its evidence text: a cheap
 * guard against a model asserting what the cited segments do not say.
 */
export function groundedness(statement: string, evidenceText: string): number {
  const claim = contentWords(statement);
  if (claim.size === 0) return 0;
  const source = contentWords(evidenceText);
  let hits = 0;
  for (const word of claim) if (source.has(word)) hits += 1;
  return hits / claim.size;
}
