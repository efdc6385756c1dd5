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
    const heard = segments
      .filter(
        (s) =>
          s.role === 'clinician' &&
          s.start < u.end + 0.5 &&
          s.end > u.start - 0.5,
      )
      .flatMap((s) => normalizeWords(s.text));
    const pool = new Map<string, number>();
    for (const w of heard) pool.set(w, (pool.get(w) ?? 0) + 1);
    for (const w of words) {
      const left = pool.get(w) ?? 0;
      if (left > 0) {
        leaked++;
        pool.set(w, left - 1);
      }
    }
  }
  return total ? leaked / total : 0;
}
