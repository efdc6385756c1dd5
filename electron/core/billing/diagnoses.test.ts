import { describe, expect, it } from 'vitest';
import { claimDiagnoses, icdForX12, normalizeIcd } from './diagnoses';

describe('claim diagnoses', () => {
  it('keeps record order as pointers, dedupes and describes', () => {
    const dx = claimDiagnoses(['F33.1', 'f411', 'F33.1']);
    expect(dx).toEqual([
      {
        code: 'F33.1',
        pointer: 1,
        description: 'Major depressive disorder, recurrent, moderate',
      },
      {
        code: 'F41.1',
        pointer: 2,
        description: 'Generalized anxiety disorder',
      },
    ]);
  });

  it('writes X12 codes without the dot', () => {
    expect(icdForX12('F33.1')).toBe('F331');
    expect(icdForX12('F17.210')).toBe('F17210');
  });

  it('refuses malformed codes, an empty list and more than twelve', () => {
    expect(() => normalizeIcd('296.32')).toThrow(/not an ICD-10-CM/);
    expect(() => claimDiagnoses([])).toThrow(/at least one/);
    const many = Array.from(
      { length: 13 },
      (_, i) => `F4${String(i).padStart(2, '0').slice(0, 1)}.${i}`,
    );
    expect(() => claimDiagnoses(many)).toThrow(/at most 12/);
  });
});
