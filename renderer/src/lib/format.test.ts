import { describe, expect, it } from 'vitest';
import { clock, size } from './format';

describe('format', () => {
  it('writes clock times', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65.9)).toBe('1:05');
    expect(clock(3725)).toBe('1:02:05');
  });

  it('writes model sizes', () => {
    expect(size(null)).toBe('unknown size');
    expect(size(147_964_211)).toBe('148 MB');
    expect(size(1_533_763_059)).toBe('1.5 GB');
  });
});
