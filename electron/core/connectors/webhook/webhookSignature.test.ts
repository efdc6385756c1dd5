import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhookSignature';

const SECRET = 'whsec-0123456789abcdef';

describe('webhook signatures', () => {
  it('verifies its own signature and nothing else', () => {
    const header = signWebhook(SECRET, '{"a":1}', 1_800_000_000);
    expect(
      verifyWebhookSignature(SECRET, header, '{"a":1}', 1_800_000_010),
    ).toBe(true);
    expect(
      verifyWebhookSignature(SECRET, header, '{"a":2}', 1_800_000_010),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        'whsec-other-0123456789',
        header,
        '{"a":1}',
        1_800_000_010,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        SECRET,
        't=1800000000,v1=00',
        '{"a":1}',
        1_800_000_010,
      ),
    ).toBe(false);
  });

  it('rejects a stale timestamp (replay)', () => {
    const header = signWebhook(SECRET, '{}', 1_800_000_000);
    expect(
      verifyWebhookSignature(SECRET, header, '{}', 1_800_000_000 + 301),
    ).toBe(false);
  });
});
