import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';

describe('toBase64', () => {
  it('round-trips bytes across several chunks', () => {
    const bytes = new Uint8Array(70_001).map((_, i) => (i * 31) % 256);
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (c) =>
      c.charCodeAt(0),
    );
    expect(decoded).toEqual(bytes);
  });

  it('writes standard base64', () => {
    expect(toBase64(new Uint8Array([0xfb, 0xff, 0x01]))).toBe('+/8B');
  });

  it('encodes nothing as an empty string', () => {
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

describe('fromBase64', () => {
  it('decodes what toBase64 wrote, byte for byte', () => {
    const bytes = new Uint8Array(40_000).map((_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('+/8B')).toEqual(new Uint8Array([0xfb, 0xff, 0x01]));
  });
});
