import { hasPhrase, normalize, sentences, wordSimilarity, words } from './text';
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
  let unsure: MappedAnswer | null = null;
  for (const sentence of sentences(text)) {
    const normalized = normalize(sentence);
    const found = frequency
      ? mapSentence(normalized)
      : mapLabel(normalized, options);
    if (!found) continue;
    const reading = hedged(found, normalized);
    if (reading.confidence >= SURE_ENOUGH) return reading;
    unsure ??= reading;
  }
  return unsure ?? (frequency ? mapNumber(normalize(text)) : null);
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

/** A reading this sure ends the search; a less sure one waits for a better sentence. */
const SURE_ENOUGH = 0.6;

/**
 * Loose phrases ("never", "a lot", "sometimes") answer the question only
 * near the start of a reply; deep in a longer statement ("but I would never
 * actually do anything") they describe something else, so they count
 * below the proposal threshold. The scale's own words count anywhere.
 */
const LEAD_WORDS = 3;
const SHORT_REPLY_WORDS = 6;
const ANYWHERE_SURE = 0.9;
const BURIED_PENALTY = 0.3;

function mapSentence(text: string): MappedAnswer | null {
  const exact = longestHits(text);
  const hits = exact.length > 0 ? exact : misheardLabels(text);
  if (hits.length === 0) return null;

  const values = new Set(hits.map((hit) => hit.value));
  const best = hits.reduce((a, b) => (b.sure > a.sure ? b : a));
  const sure = best.sure - (buried(text, best) ? BURIED_PENALTY : 0);
  if (values.size > 1) return { value: best.value, confidence: 0.4 };
  return { value: best.value, confidence: round(sure) };
}

function buried(text: string, hit: Phrase): boolean {
  if (hit.sure >= ANYWHERE_SURE) return false;
  const spoken = words(text);
  if (spoken.length <= SHORT_REPLY_WORDS) return false;
  const at = ` ${spoken.slice(0, LEAD_WORDS + hit.words.split(' ').length).join(' ')} `;
  return !at.includes(` ${hit.words} `);
}

/**
 * The scale's labels with one word misheard ("several dais", "nearly
 * every date"): the first word must be right and the other close, and the
 * reading is less sure than the label itself.
 */
const LABELS: Phrase[] = [
  { words: 'nearly every day', value: 3, sure: 0.85 },
  { words: 'more than half the days', value: 2, sure: 0.85 },
  { words: 'several days', value: 1, sure: 0.85 },
  { words: 'not at all', value: 0, sure: 0.85 },
];
const MISHEARD = 0.5;

function misheardLabels(text: string): Phrase[] {
  const spoken = words(text);
  return LABELS.filter((label) => {
    const target = label.words.split(' ');
    return spoken.some((_, from) => {
      const heard = spoken.slice(from, from + target.length);
      if (heard.length < target.length || heard[0] !== target[0]) return false;
      const wrong = target.filter((word, i) => heard[i] !== word);
      const [only] = wrong;
      const i = only === undefined ? -1 : target.indexOf(only);
      return (
        wrong.length === 1 &&
        only !== undefined &&
        wordSimilarity(only, heard[i] ?? '') >= MISHEARD
      );
    });
  });
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
