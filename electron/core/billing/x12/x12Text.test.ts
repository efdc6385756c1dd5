import { describe, expect, it } from 'vitest';
import { amount, composite, id, segment, text } from './x12Text';

describe('X12 text', () => {
  it('strips every delimiter and keeps apostrophes', () => {
    expect(text("O'Neil *Apt~3: 4^5")).toBe("O'NEIL APT 3 4 5");
  });

  it('transliterates accents and drops control characters', () => {
    expect(text('Zoë\nMüller\t')).toBe('ZOE MULLER');
  });

  it('keeps identifier case and removes spaces', () => {
    expect(id('ab 12*c')).toBe('ab12c');
  });

  it('truncates to the element maximum', () => {
    expect(text('x'.repeat(80), 60)).toHaveLength(60);
  });

  it('drops trailing empty elements and components', () => {
    expect(segment('SV1', 'HC:90837', '150', 'UN', '1', '', '', '1')).toBe(
      'SV1*HC:90837*150*UN*1***1',
    );
    expect(segment('N3', '12 ELM', '')).toBe('N3*12 ELM');
    expect(composite('HC', '90837', undefined)).toBe('HC:90837');
  });

  it('writes amounts without trailing zeros', () => {
    expect(amount(150)).toBe('150');
    expect(amount(12.5)).toBe('12.5');
    expect(amount(0.1 + 0.2)).toBe('0.3');
  });
});
