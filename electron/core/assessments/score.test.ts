import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { parseAnswerList, scoreAssessment } from './score';

describe('scoreAssessment', () => {
  it('scores the demo answers as 15, moderately severe', () => {
    const result = scoreAssessment('phq9', [2, 3, 3, 2, 1, 2, 1, 0, 1]);
    expect(result.total).toBe(15);
    expect(result.severity).toBe('moderately severe');
    expect(result.prorated).toBe(false);
    expect(result.source).toBe('form');
    expect(result.answers).toHaveLength(10);
  });

  it('treats an all-zero PHQ-9 as a real total of 0, minimal', () => {
    const result = scoreAssessment('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.total).toBe(0);
    expect(result.severity).toBe('minimal');
    expect(result.missing).toBe(0);
  });

  it('keeps item 10 but never sums it', () => {
    const result = scoreAssessment('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    expect(result.total).toBe(9);
    expect(result.answers[9]).toBe(3);
    expect(result.severity).toBe('mild');
  });

  it('prorates PHQ-9 with two items missing (mean x 9, rounded)', () => {
    const result = scoreAssessment('phq9', [2, 2, null, 2, 2, 2, null, 2, 1]);
    expect(result.prorated).toBe(true);
    expect(result.missing).toBe(2);
    // 13 over 7 items -> 13 / 7 * 9 = 16.7 -> 17
    expect(result.total).toBe(17);
    expect(result.severity).toBe('moderately severe');
  });

  it('gives no total when more than two PHQ-9 items are missing', () => {
    const result = scoreAssessment('phq9', [
      3,
      3,
      null,
      null,
      null,
      3,
      3,
      3,
      3,
    ]);
    expect(result.total).toBeNull();
    expect(result.severity).toBeNull();
    expect(result.prorated).toBe(false);
    expect(result.missing).toBe(3);
  });

  it('allows one missing GAD-7 item, not two', () => {
    expect(scoreAssessment('gad7', [1, 1, 1, 1, 1, 1, null]).total).toBe(7);
    expect(
      scoreAssessment('gad7', [1, 1, 1, 1, 1, null, null]).total,
    ).toBeNull();
  });

  it('bands GAD-7 and screens PHQ-2 and GAD-2 at 3', () => {
    expect(scoreAssessment('gad7', [3, 3, 3, 3, 3, 0, 0]).severity).toBe(
      'severe',
    );
    expect(scoreAssessment('gad-7', [1, 1, 1, 1, 1, 0, 0]).severity).toBe(
      'mild',
    );
    expect(scoreAssessment('phq2', [1, 2]).positive).toBe(true);
    expect(scoreAssessment('gad2', [1, 1]).positive).toBe(false);
    expect(scoreAssessment('phq2', [3, null]).total).toBeNull();
  });

  it('rejects answers off the scale or too many answers', () => {
    expect(() => scoreAssessment('phq9', [4])).toThrow(AppError);
    expect(() => scoreAssessment('phq9', [1.5])).toThrow(/item 1/);
    expect(() => scoreAssessment('gad7', [0, 0, 0, 0, 0, 0, 0, 0])).toThrow(
      /7 items/,
    );
    expect(() => scoreAssessment('bdi', [0])).toThrow(/Unknown instrument/);
  });
});

describe('parseAnswerList', () => {
  it('reads numbers with blanks, "-" or "?" as missing', () => {
    expect(parseAnswerList('2,3, ,-,?,0')).toEqual([2, 3, null, null, null, 0]);
  });

  it('refuses words instead of guessing', () => {
    expect(() => parseAnswerList('2,three')).toThrow(/numbers/);
  });
});
