import { describe, expect, it } from 'vitest';
import { encounterMinutes } from './encounterResources';

describe('encounterMinutes', () => {
  it('counts whole minutes, never rounding up (CPT time rule)', () => {
    expect(
      encounterMinutes(
        '2026-11-03T15:00:00-06:00',
        '2026-11-03T15:53:00-06:00',
      ),
    ).toBe(53);
    expect(
      encounterMinutes(
        '2026-11-03T15:00:00-06:00',
        '2026-11-03T15:52:59-06:00',
      ),
    ).toBe(52);
    expect(
      encounterMinutes('2026-11-03T21:00:00Z', '2026-11-03T15:38:00-06:00'),
    ).toBe(38);
  });

  it('requires a time-zone offset and an end after the start', () => {
    expect(() =>
      encounterMinutes('2026-11-03T15:00:00', '2026-11-03T15:53:00-06:00'),
    ).toThrow(/offset/);
    expect(() =>
      encounterMinutes(
        '2026-11-03T15:53:00-06:00',
        '2026-11-03T15:00:00-06:00',
      ),
    ).toThrow(/ends before/);
  });
});
