import { describe, expect, it } from 'vitest';
import { stableUrn, stableUuid } from './stableId';

describe('stableUuid', () => {
  it('is the same for the same name and differs between names', () => {
    expect(stableUuid('encounter:s1')).toBe(stableUuid('encounter:s1'));
    expect(stableUuid('encounter:s1')).not.toBe(stableUuid('encounter:s2'));
  });

  it('has the RFC 4122 layout (version 5, variant 10)', () => {
    expect(stableUuid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stableUrn('x')).toBe(`urn:uuid:${stableUuid('x')}`);
  });
});
