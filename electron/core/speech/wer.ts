/**
 * Word error rate: (substitutions + deletions + insertions) / reference words,
 * the standard recognizer accuracy measure, computed on normalized words so
 * that casing, punctuation and hyphenation do not count as errors.
 */
export interface WerResult {
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
  /** Errors over reference words; 0 for two empty texts. */
  wer: number;
}

/** Spoken forms of abbreviations recognizers write out ("Mr." for "mister"). */
const SPOKEN: Readonly<Record<string, string>> = {
  mr: 'mister',
  mrs: 'missus',
  dr: 'doctor',
};

/**
 * Lower-cases, drops non-speech tags (`[BLANK_AUDIO]`, `(music)`),
 * punctuation and hyphens, and spells out common abbreviations.
 * Apostrophes inside words stay ("don't").
 */
export function normalizeWords(text: string): string[] {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[[(][^\])]*[\])]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ');

  return cleaned
    .split(' ')
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0)
    .map((word) => SPOKEN[word] ?? word);
}

/** WER of one hypothesis against its reference text. */
export function wordErrorRate(
  reference: string,
  hypothesis: string,
): WerResult {
  const ref = normalizeWords(reference);
  const hyp = normalizeWords(hypothesis);
  const counts = alignCounts(ref, hyp);
  return withRate({ ...counts, referenceWords: ref.length });
}

/** Corpus WER: errors and reference words summed over all pairs first. */
export function corpusWordErrorRate(
  pairs: readonly { reference: string; hypothesis: string }[],
): WerResult {
  const total = {
    substitutions: 0,
    deletions: 0,
    insertions: 0,
    referenceWords: 0,
  };
  for (const pair of pairs) {
    const one = wordErrorRate(pair.reference, pair.hypothesis);
    total.substitutions += one.substitutions;
    total.deletions += one.deletions;
    total.insertions += one.insertions;
    total.referenceWords += one.referenceWords;
  }
  return withRate(total);
}

function withRate(counts: Omit<WerResult, 'wer'>): WerResult {
  const errors = counts.substitutions + counts.deletions + counts.insertions;
  const wer =
    counts.referenceWords === 0
      ? errors === 0
        ? 0
        : 1
      : errors / counts.referenceWords;
  return { ...counts, wer };
}

interface Cell {
  cost: number;
  s: number;
  d: number;
  i: number;
}

/** Levenshtein alignment over words, keeping the error kinds of the best path. */
function alignCounts(ref: readonly string[], hyp: readonly string[]) {
  let prev: Cell[] = hyp.map((_, j) => ({ cost: j + 1, s: 0, d: 0, i: j + 1 }));
  prev.unshift({ cost: 0, s: 0, d: 0, i: 0 });

  for (let r = 1; r <= ref.length; r++) {
    const row: Cell[] = [{ cost: r, s: 0, d: r, i: 0 }];
    for (let h = 1; h <= hyp.length; h++) {
      row.push(bestStep(prev, row, h, ref[r - 1] === hyp[h - 1]));
    }
    prev = row;
  }
  const last = prev[hyp.length] ?? { s: 0, d: 0, i: 0 };
  return { substitutions: last.s, deletions: last.d, insertions: last.i };
}

function bestStep(prev: Cell[], row: Cell[], h: number, same: boolean): Cell {
  const diag = at(prev, h - 1);
  const up = at(prev, h);
  const left = at(row, h - 1);

  const options: Cell[] = [
    same
      ? { ...diag }
      : { cost: diag.cost + 1, s: diag.s + 1, d: diag.d, i: diag.i },
    { cost: up.cost + 1, s: up.s, d: up.d + 1, i: up.i },
    { cost: left.cost + 1, s: left.s, d: left.d, i: left.i + 1 },
  ];
  return options.reduce((best, next) => (next.cost < best.cost ? next : best));
}

function at(cells: Cell[], index: number): Cell {
  const cell = cells[index];
  if (!cell) throw new RangeError(`alignment index ${index} out of range`);
  return cell;
}
