import { deflateSync } from 'node:zlib';

/**
 * Hallucination guards applied to each recognized segment, after the VAD
 * gate and whisper.cpp's own no-speech / log-probability thresholds.
 */
export interface GuardVerdict {
  /** Cleaned text, or undefined when the segment must be dropped. */
  text: string | undefined;
  reason?: 'empty' | 'annotation' | 'repetition' | 'outro_on_quiet';
  /** Multiplier for the segment's confidence (a collapsed loop is less sure). */
  penalty: number;
}

/** Whisper emits these tags for non-speech; they are never transcript text. */
const ANNOTATION =
  /^[\s]*(\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+|[.…\-\s]+)[\s.]*$/u;

/**
 * Phrases Whisper is known to invent from near-silence (caption credits and
 * video sign-offs in its training data). Dropped only over quiet audio.
 */
const OUTROS = [
  /thanks? (you )?for watching/i,
  /please subscribe|like and subscribe|subscribe to (my|the|our) channel/i,
  /subtitles? (by|provided)|captions? by|transcribed by|amara\.org/i,
  /see you (in the )?next (video|time)/i,
  /^\s*(thank you|bye|you)[.!]?\s*$/i,
];

/** -46 dBFS: quieter than any voice the VAD should have passed. */
export const QUIET_RMS = 0.005;

/** The gzip-ratio test Whisper's reference decoder uses for loops. */
const MAX_COMPRESSION_RATIO = 2.4;

export function guardSegment(raw: string, segmentRms: number): GuardVerdict {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { text: undefined, reason: 'empty', penalty: 0 };
  if (ANNOTATION.test(text))
    return { text: undefined, reason: 'annotation', penalty: 0 };

  if (segmentRms < QUIET_RMS && OUTROS.some((re) => re.test(text))) {
    return { text: undefined, reason: 'outro_on_quiet', penalty: 0 };
  }

  const collapsed = collapseRepeats(text);
  if (isLoop(collapsed))
    return { text: undefined, reason: 'repetition', penalty: 0 };
  return { text: collapsed, penalty: collapsed === text ? 1 : 0.5 };
}

/**
 * The repeated-token backstop: an n-gram (1..4 words) repeated more than
 * three times in a row is cut back to one occurrence.
 */
export function collapseRepeats(text: string): string {
  let words = text.split(' ');
  for (let n = 1; n <= 4; n++) {
    const out: string[] = [];
    let i = 0;
    while (i < words.length) {
      const gram = words.slice(i, i + n);
      let repeats = 1;
      while (
        sameWords(words.slice(i + repeats * n, i + (repeats + 1) * n), gram)
      )
        repeats++;
      out.push(...(repeats > 3 ? gram : words.slice(i, i + repeats * n)));
      i += repeats * n;
    }
    words = out;
  }
  return words.join(' ');
}

function sameWords(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  return a.every((w, i) => normalizeWord(w) === normalizeWord(b[i] ?? ''));
}

function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
}

function isLoop(text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < 60) return false;
  return bytes.length / deflateSync(bytes).length > MAX_COMPRESSION_RATIO;
}
