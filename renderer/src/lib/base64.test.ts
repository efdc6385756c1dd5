import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64';

describe('toBase64', () => {
  it('matches Node for bytes across several chunks', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes nothing as an empty string', () => {
    expect(toBase64(new Uint8Array())).toBe('');
  });
});
