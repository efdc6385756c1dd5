import { describe, expect, it } from 'vitest';
import { localDate, sessionMinutes, zonedInstant } from './sessionMinutes';

describe('sessionMinutes', () => {
  it('counts whole minutes between instants, never rounding up', () => {
    expect(
      sessionMinutes({
        start: '2026-04-14T16:00:00-04:00',
        end: '2026-04-14T16:53:00-04:00',
      }),
    ).toBe(53);
    expect(
      sessionMinutes({
        start: '2026-04-14T16:00:00-04:00',
        end: '2026-04-14T16:52:59-04:00',
      }),
    ).toBe(52);
  });

  it('keeps true minutes across the spring-forward change', () => {
    // 01:30 EST to 03:20 EDT on 8 Mar 2026 is 50 minutes, not 110.
    expect(
      sessionMinutes({
        start: '2026-03-08T01:30:00-05:00',
        end: '2026-03-08T03:20:00-04:00',
      }),
    ).toBe(50);
  });

  it('keeps true minutes across the fall-back change', () => {
    // 01:40 EDT to 01:10 EST on 1 Nov 2026 is 30 minutes though the clock goes back.
    expect(
      sessionMinutes({
        start: '2026-11-01T01:40:00-04:00',
        end: '2026-11-01T01:10:00-05:00',
      }),
    ).toBe(30);
  });

  it('compares instants in different offsets', () => {
    expect(
      sessionMinutes({
        start: '2026-04-14T20:00:00Z',
        end: '2026-04-14T13:45:00-07:00',
      }),
    ).toBe(45);
  });

  it('subtracts pauses, clipped to the session and merged when they overlap', () => {
    const minutes = sessionMinutes({
      start: '2026-04-14T16:00:00Z',
      end: '2026-04-14T17:00:00Z',
      pauses: [
        { start: '2026-04-14T16:10:00Z', end: '2026-04-14T16:15:00Z' },
        { start: '2026-04-14T16:12:00Z', end: '2026-04-14T16:20:00Z' },
        { start: '2026-04-14T16:55:00Z', end: '2026-04-14T17:30:00Z' },
      ],
    });
    expect(minutes).toBe(60 - 10 - 5);
  });

  it('refuses times without an offset and reversed spans', () => {
    expect(() =>
      sessionMinutes({
        start: '2026-04-14T16:00:00',
        end: '2026-04-14T17:00:00Z',
      }),
    ).toThrow(/offset/);
    expect(() =>
      sessionMinutes({
        start: '2026-04-14T17:00:00Z',
        end: '2026-04-14T16:00:00Z',
      }),
    ).toThrow(/ends before/);
  });
});

describe('zonedInstant', () => {
  it('gives the offset in force for a wall-clock time', () => {
    expect(zonedInstant('2026-01-15T09:00', 'America/New_York')).toBe(
      '2026-01-15T09:00:00-05:00',
    );
    expect(zonedInstant('2026-07-15T09:00', 'America/New_York')).toBe(
      '2026-07-15T09:00:00-04:00',
    );
    expect(zonedInstant('2026-07-15T09:00', 'Asia/Kolkata')).toBe(
      '2026-07-15T09:00:00+05:30',
    );
  });

  it('refuses a time in the spring-forward gap', () => {
    expect(() => zonedInstant('2026-03-08T02:30', 'America/New_York')).toThrow(
      /does not exist/,
    );
  });

  it('asks which one for a time in the fall-back hour', () => {
    expect(() => zonedInstant('2026-11-01T01:30', 'America/New_York')).toThrow(
      /occurs twice/,
    );
    expect(
      zonedInstant('2026-11-01T01:30', 'America/New_York', 'earlier'),
    ).toBe('2026-11-01T01:30:00-04:00');
    expect(zonedInstant('2026-11-01T01:30', 'America/New_York', 'later')).toBe(
      '2026-11-01T01:30:00-05:00',
    );
  });

  it('round-trips into sessionMinutes across the change', () => {
    const start = zonedInstant('2026-11-01T00:45', 'America/New_York');
    const end = zonedInstant('2026-11-01T01:38', 'America/New_York', 'later');
    expect(sessionMinutes({ start, end })).toBe(113);
  });
});

describe('localDate', () => {
  it('is the date of service in the clinician zone', () => {
    expect(localDate('2026-04-15T02:30:00Z', 'America/Los_Angeles')).toBe(
      '2026-04-14',
    );
    expect(localDate('2026-04-15T02:30:00Z', 'Europe/Berlin')).toBe(
      '2026-04-15',
    );
  });
});
