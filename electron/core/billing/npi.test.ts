import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit } from './npi';

describe('NPI check digit (Luhn with prefix 80840)', () => {
  it('accepts valid NPIs', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1912301953')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length or letters', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678A3')).toBe(false);
  });

  it('finds the check digit for a stem', () => {
    expect(npiCheckDigit('123456789')).toBe('3');
  });
});
