import { describe, expect, it } from 'vitest';
import { corpusWordErrorRate, normalizeWords, wordErrorRate } from './wer';

describe('normalizeWords', () => {
  it('ignores case, punctuation, hyphens and non-speech tags', () => {
    expect(
      normalizeWords(' And so, my fellow-Americans [BLANK_AUDIO] (music)!'),
    ).toEqual(['and', 'so', 'my', 'fellow', 'americans']);
  });

  it('keeps inner apostrophes and spells out titles', () => {
    expect(normalizeWords("Mr. Dashwood didn\u2019t 'go'")).toEqual([
      'mister',
      'dashwood',
      "didn't",
      'go',
    ]);
  });
});

describe('wordErrorRate', () => {
  it('is zero for the same words written differently', () => {
    const result = wordErrorRate(
      'ask not what your country',
      'Ask not, what your country.',
    );
    expect(result.wer).toBe(0);
    expect(result.referenceWords).toBe(5);
  });

  it('counts substitutions, deletions and insertions', () => {
    const result = wordErrorRate(
      'he was not an ill disposed young man',
      'he was an old disposed young man today',
    );
    expect(result).toMatchObject({
      substitutions: 1,
      deletions: 1,
      insertions: 1,
      referenceWords: 8,
    });
    expect(result.wer).toBeCloseTo(3 / 8);
  });

  it('handles empty texts', () => {
    expect(wordErrorRate('', '').wer).toBe(0);
    expect(wordErrorRate('', 'noise').wer).toBe(1);
    expect(wordErrorRate('two words', '').wer).toBe(1);
  });
});

describe('corpusWordErrorRate', () => {
  it('sums errors and words over all pairs', () => {
    const result = corpusWordErrorRate([
      { reference: 'one two three', hypothesis: 'one two three' },
      { reference: 'four five', hypothesis: 'four six' },
    ]);
    expect(result.wer).toBeCloseTo(1 / 5);
  });
});
