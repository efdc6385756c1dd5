/** How the outbox spaces and limits retries. */
export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseDelayMs: number;
  /** Longest delay between attempts. */
  maxDelayMs: number;
  /** After this many attempts a still-failing job stops as failed. */
  maxAttempts: number;
  /** ± fraction of random spread, so many clients do not retry in step. */
  jitter: number;
}

/** 30 s, 1 min, 2 min ... capped at 1 h; about 2.5 days over 60 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 60,
  jitter: 0.2,
};

/** Exponential backoff: the delay before attempt `attempts + 1`. */
export function retryDelayMs(
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempts - 1);
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.round(raw * spread);
}
