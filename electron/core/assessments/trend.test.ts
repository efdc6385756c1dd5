import { describe, expect, it } from 'vitest';
import { scoreAssessment } from './score';
import { scoreTrend } from './trend';

describe('scoreTrend', () => {
  it('orders points by date, with change, response and remission', () => {
    const trend = scoreTrend([
      {
        date: '2026-03-01',
        result: scoreAssessment('phq9', [1, 1, 1, 1, 0, 0, 0, 0, 0]),
      },
      {
        date: '2026-01-05',
        result: scoreAssessment('phq9', [2, 3, 3, 2, 1, 2, 1, 0, 1]),
      },
      {
        date: '2026-02-02',
        result: scoreAssessment('phq9', [2, 2, 2, 1, 1, 1, 1, 0, 0]),
      },
      {
        date: '2026-02-02',
        result: scoreAssessment('gad7', [1, 1, 1, 1, 1, 1, 1]),
      },
    ]);
    const phq = trend.find((entry) => entry.instrumentId === 'phq9');
    expect(
      phq?.points.map((point) => [point.date, point.total, point.change]),
    ).toEqual([
      ['2026-01-05', 15, null],
      ['2026-02-02', 10, -5],
      ['2026-03-01', 4, -6],
    ]);
    expect(phq?.points[2]?.severity).toBe('minimal');
    expect(phq?.response).toBe(true);
    expect(phq?.remission).toBe(true);
    expect(
      trend.find((entry) => entry.instrumentId === 'gad7')?.response,
    ).toBeNull();
  });

  it('keeps a missing total as a gap and skips proposed results', () => {
    const proposed = {
      ...scoreAssessment('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 3]),
      status: 'proposed' as const,
    };
    const [phq] = scoreTrend([
      {
        date: '2026-01-01',
        result: scoreAssessment('phq9', [2, 2, 2, 2, 2, 2, 2, 2, 2]),
      },
      {
        date: '2026-01-15',
        result: scoreAssessment('phq9', [2, 2, 2, null, null, null, 2, 2, 2]),
      },
      { date: '2026-01-20', result: proposed },
      {
        date: '2026-02-01',
        result: scoreAssessment('phq9', [2, 2, 2, 2, 2, 2, 2, 2, 0]),
      },
    ]);
    expect(phq?.points.map((point) => [point.total, point.change])).toEqual([
      [18, null],
      [null, null],
      [16, -2],
    ]);
    expect(phq?.response).toBe(false);
    expect(phq?.remission).toBe(false);
  });
});
