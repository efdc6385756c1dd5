import { describe, expect, it } from 'vitest';
import { dayBounds, todayIn } from './dayBounds';

describe('dayBounds', () => {
  it('gives the local day with its offset', () => {
    expect(dayBounds('2026-11-03', 'America/Chicago')).toEqual({
      start: '2026-11-03T00:00:00-06:00',
      end: '2026-11-04T00:00:00-06:00',
    });
    expect(dayBounds('2026-07-01', 'America/Chicago').start).toBe(
      '2026-07-01T00:00:00-05:00',
    );
  });

  it('knows today in the clinician’s zone', () => {
    expect(todayIn('America/Chicago', new Date('2026-11-04T03:00:00Z'))).toBe(
      '2026-11-03',
    );
  });
});
