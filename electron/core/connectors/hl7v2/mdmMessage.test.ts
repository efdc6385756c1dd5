import { describe, expect, it } from 'vitest';
import { esc, hl7Time } from './mdmMessage';
import { checkAck } from './mllpClient';

describe('HL7 v2 encoding', () => {
  it('escapes every delimiter (v2.5.1 §2.7)', () => {
    expect(esc('a|b^c&d~e\\f')).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f');
  });

  it('keeps the offset when converting FHIR dateTimes', () => {
    expect(hl7Time('2026-11-03T15:00:00-06:00')).toBe('20261103150000-0600');
    expect(hl7Time('2026-11-03T21:00:00.123Z')).toBe('20261103210000+0000');
    expect(hl7Time('1988-04-12')).toBe('19880412');
  });

  it('reads acknowledgements', () => {
    expect(() => checkAck('MSH|^~\\&|EHR\rMSA|AA|CTRL1')).not.toThrow();
    expect(() =>
      checkAck('MSH|^~\\&|EHR\rMSA|AR|CTRL1|Unknown patient'),
    ).toThrow(/rejected.*Unknown patient/);
    expect(() => checkAck('MSH|^~\\&|EHR\rMSA|AE|CTRL1')).toThrow(
      /error \(AE\)/,
    );
  });
});
