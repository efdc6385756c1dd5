import type { Segment } from '../domain/transcript';

/** A run this long, heard on both channels at the same time, is an echo. */
const MIN_RUN = 3;
/** Seconds of slack between the channels' segment times. */
const SLACK_SEC = 1;

const norm = (token: string) =>
  token.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, '');

/**
 * Removes the client's words that came back through the clinician's
 * microphone (laptop speakers). Energy gating misses echo that runs on
 * straight from the clinician's own speech; here, any run of at least
 * three words in a clinician segment that also occurs, in order, in a
 * client segment at the same time is cut out. The clinician's own words
 * around it stay, so talking over the client is kept.
 */
export function removeEchoedWords(segments: readonly Segment[]): Segment[] {
  const client = segments.filter((s) => s.role === 'client');
  const out: Segment[] = [];
  for (const segment of segments) {
    if (segment.role !== 'clinician') {
      out.push(segment);
      continue;
    }
    const heard = client
      .filter(
        (c) =>
          c.start < segment.end + SLACK_SEC &&
          c.end > segment.start - SLACK_SEC,
      )
      .map((c) => c.text.split(/\s+/).map(norm).filter(Boolean));
    const text =
      heard.length > 0 ? stripRuns(segment.text, heard) : segment.text;
    if (text.split(/\s+/).filter((t) => norm(t)).length > 0)
      out.push({ ...segment, text });
  }
  return out;
}

function stripRuns(text: string, heard: string[][]): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const words = tokens.map(norm);
  const drop = new Array<boolean>(tokens.length).fill(false);
  for (const other of heard) {
    for (let i = 0; i < words.length; i++) {
      const length = longestRunAt(words, i, other);
      if (length >= MIN_RUN)
        for (let k = i; k < i + length; k++) drop[k] = true;
    }
  }
  return tokens.filter((_, i) => !drop[i]).join(' ');
}

/** Longest run of `words` starting at `i` that occurs contiguously in `other`. */
function longestRunAt(
  words: readonly string[],
  i: number,
  other: readonly string[],
): number {
  let best = 0;
  for (let j = 0; j < other.length; j++) {
    let n = 0;
    while (
      i + n < words.length &&
      j + n < other.length &&
      words[i + n] !== '' &&
      words[i + n] === other[j + n]
    )
      n++;
    best = Math.max(best, n);
  }
  return best;
}
