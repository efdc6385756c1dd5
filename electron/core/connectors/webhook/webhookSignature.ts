import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-hushnote-signature';
/** Header carrying the stable delivery id, for receivers to drop replays. */
export const DELIVERY_HEADER = 'x-hushnote-delivery';

/**
 * Signs a webhook body: HMAC-SHA256 over `<timestamp>.<body>` with the
 * shared secret, so a receiver can check both origin and freshness.
 */
export function signWebhook(
  secret: string,
  body: string,
  timestampS: number,
): string {
  const mac = createHmac('sha256', secret)
    .update(`${timestampS}.${body}`)
    .digest('hex');
  return `t=${timestampS},v1=${mac}`;
}

/**
 * Verifies a signature header (for receivers and tests): the MAC must match
 * in constant time and the timestamp be within `toleranceS` of `nowS`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowS: number,
  toleranceS = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((p) => p.split('=', 2) as [string, string]),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isFinite(t) || Math.abs(nowS - t) > toleranceS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
