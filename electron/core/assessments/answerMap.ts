import { hasPhrase, normalize, sentences } from './text';
import type { AnswerOption } from './types';

/**
 * Maps a client's spoken answer to a frequency score 0-3 of the PHQ/GAD
 * answer scale (Not at all, Several days, More than half the days, Nearly
 * every day). Each phrase has a score and how sure that mapping is: the
 * scale's own words are near certain, loose paraphrases less so.
 */
interface Phrase {
  words: string;
  value: number;
  sure: number;
}

const PHRASES: Phrase[] = [
  ...group(3, 0.95, ['nearly every day', 'nearly everyday']),
  ...group(3, 0.9, [
    'every single day',
    'almost every day',
    'every day',
    'everyday',
  ]),
  ...group(3, 0.85, [
    'pretty much every day',
    'all the time',
    'constantly',
    'daily',
  ]),
  ...group(3, 0.8, ['every night', 'all day every day', 'nonstop', 'always']),
  ...group(2, 0.95, ['more than half the days', 'more than half of the days']),
  ...group(2, 0.85, [
    'more than half',
    'over half the days',
    'over half',
    'most days',
  ]),
  ...group(2, 0.75, [
    'a lot of days',
    'most of the time',
    'a lot',
    'often',
    'quite a bit',
  ]),
  ...group(1, 0.95, ['several days']),
  ...group(1, 0.85, [
    'a few days',
    'some days',
    'a couple of days',
    'a couple days',
  ]),
  ...group(1, 0.8, [
    'once or twice',
    'a few times',
    'occasionally',
    'now and then',
  ]),
  ...group(1, 0.75, [
    'sometimes',
    'here and there',
    'a little',
    'a bit',
    'on and off',
  ]),
  ...group(0, 0.95, ['not at all']),
  ...group(0, 0.85, [
    'not really',
    'never',
    'not that i know of',
    'not that ive noticed',
  ]),
  ...group(0, 0.8, [
    'no',
    'nope',
    'none',
    'not much',
    'i havent',
    'i dont think so',
  ]),
];

function group(value: number, sure: number, list: string[]): Phrase[] {
  return list.map((words) => ({ words, value, sure }));
}

/** Hedges lower confidence a little; they do not change the answer. */
const HEDGES = [
  'i guess',
  'maybe',
  'i think',
  'probably',
  'kind of',
  'sort of',
  'not sure',
];

const NUMBERS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3 };

export interface MappedAnswer {
  value: number;
  confidence: number;
}

/**
 * The best reading of an answer, or null when nothing maps. Items with
 * their own choices (PHQ-9 item 10: "Somewhat difficult") are read by
 * those labels; the 0-3 frequency scale also by its paraphrases. The first
 * sentence that maps wins, since later sentences tend to elaborate
 * ("Several days. Sometimes I think ..."). Two different scores in that
 * sentence lower confidence below the proposal threshold.
 */
export function mapAnswer(
  text: string,
  options?: AnswerOption[],
): MappedAnswer | null {
  const frequency =
    options === undefined || options.some((o) => o.code === FREQUENCY_ZERO);
  for (const sentence of sentences(text)) {
    const normalized = normalize(sentence);
    const found = frequency
      ? mapSentence(normalized)
      : mapLabel(normalized, options);
    if (found) return hedged(found, normalized);
  }
  return frequency ? mapNumber(normalize(text)) : null;
}

/** LOINC answer code of "Not at all": marks the PHQ/GAD frequency scale. */
const FREQUENCY_ZERO = 'LA6568-5';

/** An option named in full ("very difficult"); the longest name wins. */
function mapLabel(text: string, options: AnswerOption[]): MappedAnswer | null {
  const named = options
    .filter((option) => hasPhrase(text, normalize(option.label).trim()))
    .sort((a, b) => b.label.length - a.label.length)[0];
  return named ? { value: named.value, confidence: 0.9 } : null;
}

function mapSentence(text: string): MappedAnswer | null {
  const hits = longestHits(text);
  if (hits.length === 0) return null;

  const values = new Set(hits.map((hit) => hit.value));
  const best = hits.reduce((a, b) => (b.sure > a.sure ? b : a));
  if (values.size > 1) return { value: best.value, confidence: 0.4 };
  return { value: best.value, confidence: best.sure };
}

/** Phrase hits, dropping any contained in a longer hit and negated ones. */
function longestHits(text: string): Phrase[] {
  const hits = PHRASES.filter((phrase) => hasPhrase(text, phrase.words));
  return hits.filter(
    (hit) =>
      !hits.some((other) => other !== hit && other.words.includes(hit.words)) &&
      !negated(text, hit),
  );
}

/** "not every day" is not "every day"; "no" inside "not at all" is fine. */
function negated(text: string, hit: Phrase): boolean {
  if (hit.value === 0) return false;
  return ['not', 'never', 'no', 'hardly'].some((word) =>
    hasPhrase(text, `${word} ${hit.words}`),
  );
}

function hedged(found: MappedAnswer, text: string): MappedAnswer {
  const unsure = HEDGES.some((hedge) => hasPhrase(text, hedge));
  return unsure
    ? { ...found, confidence: round(found.confidence - 0.15) }
    : found;
}

/** A bare "two" or "2" after the clinician read the 0-3 scale. */
function mapNumber(text: string): MappedAnswer | null {
  const words = text.trim().split(' ');
  const last = words.at(-1) ?? '';
  if (words.length > 4) return null;
  const value =
    NUMBERS[last] ?? (/^[0-3]$/.test(last) ? Number(last) : undefined);
  return value === undefined ? null : { value, confidence: 0.7 };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
