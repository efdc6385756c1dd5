import { describe, expect, it } from 'vitest';
import {
  demoAppointment,
  demoEnvelope,
} from '../../../tests/billing/demoAppointment';
import { buildClaim, splitName } from './claim';
import { suggestCodes } from './suggestCodes';
import { check837P } from './x12/check837P';
import { generate837P } from './x12/generate837P';

const suggestion = suggestCodes({
  service: 'psychotherapy',
  minutes: 53,
  modality: 'video',
  clientLocation: 'home',
  payerProfile: 'commercial',
  credential: 'LCSW',
});

describe('buildClaim', () => {
  it('builds the demo claim with pointers, POS and totals', () => {
    const claim = buildClaim(demoAppointment(), suggestion);
    expect(claim.placeOfService).toBe('10');
    expect(claim.serviceDate).toBe('2026-04-14');
    expect(claim.diagnoses.map((d) => [d.code, d.pointer])).toEqual([
      ['F33.1', 1],
      ['F41.1', 2],
    ]);
    expect(claim.lines).toEqual([
      expect.objectContaining({
        cpt: '90837',
        modifiers: ['95'],
        charge: 150,
        pointers: [1, 2],
      }),
    ]);
    expect(claim.totalCharge).toBe(150);
    expect(claim.patient).toBeUndefined();
  });

  it('refuses a claim without coverage with a clear error', () => {
    const appointment = demoAppointment();
    delete appointment.coverage;
    expect(() => buildClaim(appointment, suggestion)).toThrow(
      /No insurance coverage is on file/,
    );
    expect(() => buildClaim(appointment, suggestion)).toThrow(
      expect.objectContaining({ kind: 'claim_invalid' }),
    );
  });

  it('refuses an NPI with a wrong check digit', () => {
    const appointment = demoAppointment();
    appointment.billingProvider.npi = '1456789010';
    expect(() => buildClaim(appointment, suggestion)).toThrow(/check digit/);
    const other = demoAppointment();
    other.clinician.npi = '1234567890';
    expect(() => buildClaim(other, suggestion)).toThrow(/check digit/);
  });

  it('refuses a blocked suggestion and a missing fee', () => {
    const blocked = suggestCodes({
      ...suggestion.basis,
      payerProfile: 'commercial',
      credential: 'LCSW',
      minutes: 10,
    });
    expect(() => buildClaim(demoAppointment(), blocked)).toThrow(
      /Nothing billable/,
    );
    const noFee = demoAppointment();
    delete noFee.chargePerUnit;
    expect(() => buildClaim(noFee, suggestion)).toThrow(
      /No charge is set for 90837/,
    );
  });

  it('refuses a subscriber relationship without subscriber details', () => {
    const appointment = demoAppointment({
      coverage: { memberId: 'M1', relationship: 'spouse' },
    });
    expect(() => buildClaim(appointment, suggestion)).toThrow(
      /subscriber details/,
    );
  });

  it('writes a replacement claim with frequency 7 and REF*F8', () => {
    expect(() =>
      buildClaim(demoAppointment(), suggestion, { frequency: '7' }),
    ).toThrow(/original payer claim/);
    const claim = buildClaim(demoAppointment(), suggestion, {
      frequency: '7',
      originalClaimRef: 'PCN-998877',
    });
    const x12 = generate837P([claim], demoEnvelope);
    expect(x12).toContain('*10:B:7*Y*A*Y*Y~');
    expect(x12).toContain('REF*F8*PCN-998877~');
    expect(check837P(x12).problems).toEqual([]);
  });

  it('adds a service facility only when its address differs', () => {
    const appt = demoAppointment();
    const same = buildClaim(appt, suggestion, {
      serviceFacility: { name: 'X', address: appt.billingProvider.address },
    });
    expect(same.serviceFacility).toBeUndefined();
    const facility = {
      name: 'Annex',
      address: {
        line: ['1 Side Rd'],
        city: 'Springfield',
        state: 'IL',
        postalCode: '62703',
      },
    };
    const differs = buildClaim(appt, suggestion, { serviceFacility: facility });
    expect(generate837P([differs], demoEnvelope)).toContain('NM1*77*2*ANNEX~');
  });

  it('uses fees per code and units for crisis add-ons', () => {
    const crisis = suggestCodes({
      ...suggestion.basis,
      service: 'crisis',
      minutes: 110,
      payerProfile: 'commercial',
      credential: 'LCSW',
    });
    const claim = buildClaim(demoAppointment(), crisis, {
      fees: { '90839': 200, '90840': 90 },
    });
    expect(claim.lines.map((l) => [l.cpt, l.units, l.charge])).toEqual([
      ['90839', 1, 200],
      ['90840', 2, 180],
    ]);
    expect(claim.totalCharge).toBe(380);
  });
});

describe('splitName', () => {
  it('drops the credential and splits given and family names', () => {
    expect(splitName('Dana Reyes, LCSW')).toEqual({
      givenName: 'Dana',
      familyName: 'Reyes',
    });
    expect(splitName('Mary Ann Lee')).toEqual({
      givenName: 'Mary Ann',
      familyName: 'Lee',
    });
  });
});
