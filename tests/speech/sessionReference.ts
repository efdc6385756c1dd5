import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Segment } from '../../electron/core/domain/transcript';
import { normalizeWords } from '../../electron/core/speech/wer';

export const FIXTURES = path.resolve('../shared/fixtures');

export interface Utterance {
  role: 'clinician' | 'client';
  start: number;
  end: number;
  text: string;
}

export function loadSession(name: string): {
  audio: string;
  utterances: Utterance[];
} {
  const base = path.join(FIXTURES, 'sessions', name);
  const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {
    utterances: Utterance[];
  };
  return { audio: `${base}.flac`, utterances: json.utterances };
}

/**
 * Share of the client's words that reappear inside clinician segments that
 * overlap the client's utterance in time: the bleed the pipeline let through.
 *
 * A word the clinician really said is not bleed: the clinician's own
 * reference words around those segments are taken out of the pool first.
 * Without that, a common word ("to", "for", "when") in a neighbouring
 * clinician turn within the time tolerance counted as leaked even though
 * no client audio reached the clinician's transcript.
 */
export function clientWordsInClinician(
  utterances: Utterance[],
  segments: Segment[],
): number {
  let total = 0;
  let leaked = 0;
  for (const u of utterances.filter((x) => x.role === 'client')) {
    const words = normalizeWords(u.text);
    total += words.length;
    const heard = segments.filter(
      (s) =>
        s.role === 'clinician' &&
        s.start < u.end + TOLERANCE_SEC &&
        s.end > u.start - TOLERANCE_SEC,
    );
    const pool = bag(heard.flatMap((s) => normalizeWords(s.text)));
    const own = utterances.filter(
      (c) =>
        c.role === 'clinician' &&
        heard.some(
          (s) =>
            c.start < s.end + TOLERANCE_SEC && c.end > s.start - TOLERANCE_SEC,
        ),
    );
    for (const w of own.flatMap((c) => normalizeWords(c.text))) take(pool, w);
    for (const w of words) if (take(pool, w)) leaked++;
  }
  return total ? leaked / total : 0;
}

/** Slack between reference and segment times (Whisper's edges are rough). */
const TOLERANCE_SEC = 0.5;

function bag(words: readonly string[]): Map<string, number> {
  const pool = new Map<string, number>();
  for (const w of words) pool.set(w, (pool.get(w) ?? 0) + 1);
  return pool;
}

/** Removes one `word` from `pool`; false when there was none left. */
function take(pool: Map<string, number>, word: string): boolean {
  const left = pool.get(word) ?? 0;
  if (left === 0) return false;
  pool.set(word, left - 1);
  return true;
}
