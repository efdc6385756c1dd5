import { describe, expect, it } from 'vitest';
import { checkPart2Disclosure, missingConsentElements } from './checkPart2';
import type { Part2Consent } from './part2Consent';

function consent(overrides: Partial<Part2Consent> = {}): Part2Consent {
  return {
    id: 'c1',
    patientName: 'Client Name',
    discloser: 'Practice',
    information: ['progress-notes', 'assessments', 'diagnoses'],
    informationDescription: 'progress notes and screening results',
    recipients: [{ class: 'treating-providers' }],
    purposes: ['treatment'],
    revocationStatement: 'Revoke in writing.',
    expiration: { date: '2027-06-30' },
    signedBy: 'Client Name',
    signedAt: '2026-10-01T10:00:00Z',
    redisclosureStatement: 'HIPAA redisclosure statement.',
    refusalStatement: 'Refusal does not affect treatment.',
    ...overrides,
  };
}

const request = {
  recipient: {
    name: 'Community Health EHR',
    class: 'treating-providers' as const,
  },
  purposes: ['treatment' as const],
  information: ['progress-notes' as const, 'assessments' as const],
  at: new Date('2026-11-03T22:00:00Z'),
};

describe('42 CFR Part 2 consent check', () => {
  it('allows a disclosure the consent covers', () => {
    expect(checkPart2Disclosure(consent(), request)).toMatchObject({
      allowed: true,
    });
  });

  it('refuses without a consent', () => {
    expect(checkPart2Disclosure(undefined, request)).toEqual({
      allowed: false,
      reason: 'no 42 CFR Part 2 consent is on file for this client',
    });
  });

  it('names each missing §2.31 element', () => {
    const missing = missingConsentElements(
      consent({ revocationStatement: ' ', signedBy: '', recipients: [] }),
    );
    expect(missing).toEqual([
      'recipients (§2.31(a)(4))',
      'right to revoke (§2.31(a)(6))',
      'signature and date (§2.31(a)(8))',
    ]);
  });

  it('requires the TPO statements on a TPO consent', () => {
    const {
      redisclosureStatement: _r,
      refusalStatement: _f,
      ...bare
    } = consent();
    expect(missingConsentElements(bare)).toHaveLength(2);
  });

  it('refuses once the consent expired or was revoked', () => {
    const expired = checkPart2Disclosure(
      consent({ expiration: { date: '2026-10-31' } }),
      request,
    );
    expect(expired).toEqual({
      allowed: false,
      reason: 'the Part 2 consent expired on 2026-10-31',
    });
    const revoked = checkPart2Disclosure(
      consent({ revokedAt: '2026-11-01T00:00:00Z' }),
      request,
    );
    expect(revoked).toMatchObject({
      allowed: false,
      reason: 'the client revoked the Part 2 consent',
    });
  });

  it('refuses a recipient, purpose or information the consent does not name', () => {
    const plan = {
      ...request,
      recipient: { name: 'Acme Health Plan', class: 'health-plans' as const },
    };
    expect(checkPart2Disclosure(consent(), plan)).toMatchObject({
      allowed: false,
    });
    const payment = {
      ...request,
      purposes: ['treatment' as const, 'payment' as const],
    };
    expect(checkPart2Disclosure(consent(), payment)).toMatchObject({
      reason: 'the Part 2 consent does not cover: payment',
    });
    const claims = { ...request, information: ['claims' as const] };
    expect(checkPart2Disclosure(consent(), claims)).toMatchObject({
      reason: 'the Part 2 consent does not cover: claims',
    });
  });

  it('never discloses SUD counseling notes under a general consent', () => {
    const c = consent({
      information: ['progress-notes', 'sud-counseling-notes'],
    });
    const r = { ...request, information: ['sud-counseling-notes' as const] };
    expect(checkPart2Disclosure(c, r)).toMatchObject({ allowed: false });
  });

  it('accepts a named recipient and "none" as a TPO expiry', () => {
    const c = consent({
      recipients: [{ name: 'community health ehr' }],
      expiration: { event: 'none' },
    });
    expect(checkPart2Disclosure(c, request)).toMatchObject({ allowed: true });
  });
});
