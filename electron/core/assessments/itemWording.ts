import { normalize, wordSimilarity, words } from './text';
import type { Instrument, InstrumentItem } from './types';

/**
 * Fuzzy recognition of an item read (nearly) as printed, for speech the
 * recognizer got partly wrong: "Travel concentrating on things such as
 * reading" or "thought snap you would be mad or off hand or im thirding
 * yourself in some way". The item text is cut into its clauses (at a dash,
 * a question mark or "or the opposite"); a clause matches when most of its
 * content words are heard, each exactly or as a close variant.
 */

/** Function words, and words every item shares, that identify nothing. */
const STOP = new Set(
  (
    'a an the and or of in on to that you your youre have has had been be ' +
    'being so such as would could other than more lot if any it for with ' +
    'do did are were is was how often by about things thing ' +
    'little around usual people'
  ).split(' '),
);

/** Two words this alike count as the same word misheard. */
const SAME_WORD = 0.75;
/** Shorter words must match exactly; their edit ratios mean little. */
const MIN_FUZZY_LENGTH = 5;
/** A clause is heard when this share of its content words is, and at least this many. */
export const MIN_SHARE = 0.6;
const MIN_WORDS = 3;

interface Clause {
  words: string[];
}

const clauses = new WeakMap<InstrumentItem, Clause[]>();

function clausesOf(item: InstrumentItem): Clause[] {
  let found = clauses.get(item);
  if (!found) {
    found = item.text
      .split(/[\u2014?;]|\bor the opposite\b/i)
      .map((part) => ({ words: contentWords(normalize(part)) }))
      .filter((clause) => clause.words.length >= MIN_WORDS);
    clauses.set(item, found);
  }
  return found;
}

function contentWords(text: string): string[] {
  return words(text).filter((word) => word.length >= 3 && !STOP.has(word));
}

function heard(word: string, spoken: string[]): boolean {
  return spoken.some(
    (other) =>
      other === word ||
      (word.length >= MIN_FUZZY_LENGTH &&
        other.length >= MIN_FUZZY_LENGTH - 1 &&
        wordSimilarity(word, other) >= SAME_WORD),
  );
}

/**
 * The share (0..1) of the best clause of `item` heard in normalized `text`;
 * 0 when fewer than three of its content words are heard.
 */
export function wordingScore(text: string, item: InstrumentItem): number {
  const spoken = words(text);
  let best = 0;
  for (const clause of clausesOf(item)) {
    const hits = clause.words.filter((word) => heard(word, spoken)).length;
    if (hits >= MIN_WORDS) best = Math.max(best, hits / clause.words.length);
  }
  return best;
}

/** The next item of a run in progress: read in order, it needs less evidence. */
export interface Expected {
  instrument: Instrument;
  index: number;
}

/** In a run, the expected next item is heard at this share. */
export const MIN_SHARE_EXPECTED = 0.5;

/**
 * The item whose printed wording `text` follows, when one clearly does:
 * the best share at or above MIN_SHARE (MIN_SHARE_EXPECTED for the item
 * expected next), ahead of any other item's share.
 */
export function itemByWording(
  text: string,
  library: Instrument[],
  expected?: Expected,
): { instrument: Instrument; item: InstrumentItem; score: number } | undefined {
  const ranked = library
    .flatMap((instrument) =>
      instrument.items.map((item) => ({
        instrument,
        item,
        score: wordingScore(text, item),
      })),
    )
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, next] = ranked;
  if (!best || (next && next.score === best.score)) return undefined;
  const isExpected =
    expected?.instrument === best.instrument &&
    expected.index === best.item.index;
  const needed = isExpected ? MIN_SHARE_EXPECTED : MIN_SHARE;
  return best.score >= needed ? best : undefined;
}
