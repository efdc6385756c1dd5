import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './backoff';

const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: 0 };

describe('retryDelayMs', () => {
  it('doubles from the base delay', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, noJitter))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('caps at the longest delay', () => {
    expect(retryDelayMs(30, noJitter)).toBe(3_600_000);
  });

  it('spreads by at most the jitter fraction', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 1)).toBe(36_000);
  });
});
