import { describe, expect, it } from 'vitest';
import { assertSecureUrl, displayUrl } from './secureUrl';

describe('assertSecureUrl', () => {
  it('accepts https anywhere and http only to this machine', () => {
    expect(assertSecureUrl('https://ehr.example.org/fhir').protocol).toBe(
      'https:',
    );
    expect(assertSecureUrl('http://127.0.0.1:8080/fhir').hostname).toBe(
      '127.0.0.1',
    );
    expect(assertSecureUrl('http://localhost/fhir').hostname).toBe('localhost');
    expect(() => assertSecureUrl('http://ehr.example.org/fhir')).toThrow(
      /https/,
    );
    expect(() => assertSecureUrl('ftp://localhost/x')).toThrow(/https/);
    expect(() => assertSecureUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('shows an address without credentials or query', () => {
    expect(displayUrl('https://user:pw@ehr.example.org/fhir?token=x')).toBe(
      'https://ehr.example.org/fhir',
    );
  });
});
