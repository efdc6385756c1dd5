import { describe, expect, it } from 'vitest';
import { detail } from '../stores/testData';
import { groupByClient, trendRows } from './trend';

function withScores(start: string, phq9: number | null, gad7: number | null) {
  const d = detail();
  d.summary = { ...d.summary, id: start, scheduledStart: start };
  d.assessments = [
    ...(phq9 === null
      ? []
      : [
          {
            instrumentId: 'phq9',
            answers: [],
            total: phq9,
            severity: null,
            prorated: false,
            missing: 0,
            source: 'verbal' as const,
            status: 'proposed' as const,
          },
        ]),
    ...(gad7 === null
      ? []
      : [
          {
            instrumentId: 'gad7',
            answers: [],
            total: gad7,
            severity: null,
            prorated: false,
            missing: 0,
            source: 'form' as const,
            status: 'confirmed' as const,
          },
        ]),
  ];
  return d;
}

describe('trend rows', () => {
  it('orders sessions by date and leaves gaps, never zeros', () => {
    const rows = trendRows([
      withScores('2026-11-20T15:00:00Z', 9, null),
      withScores('2026-11-06T15:00:00Z', 14, 11),
      withScores('2026-11-13T15:00:00Z', null, null),
    ]);
    expect(rows).toEqual([
      { date: '2026-11-06', phq9: 14, gad7: 11 },
      { date: '2026-11-20', phq9: 9, gad7: null },
    ]);
  });

  it('groups sessions by client, newest first', () => {
    const a = withScores('2026-11-06T15:00:00Z', 1, 1).summary;
    const b = withScores('2026-11-20T15:00:00Z', 1, 1).summary;
    const other = { ...a, id: 'o', clientId: 'c2', clientLabel: 'A. Other' };
    const groups = groupByClient([a, other, b]);
    expect(groups.map((g) => g.label)).toEqual(['A. Other', 'T. Client']);
    expect(groups[1]?.sessions.map((s) => s.id)).toEqual([b.id, a.id]);
  });
});
