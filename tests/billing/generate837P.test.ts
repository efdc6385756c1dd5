import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaim } from '../../electron/core/billing/claim';
import { suggestCodes } from '../../electron/core/billing/suggestCodes';
import { check837P } from '../../electron/core/billing/x12/check837P';
import { generate837P } from '../../electron/core/billing/x12/generate837P';
import type { Appointment } from '../../electron/core/domain/appointment';
import { demoAppointment, demoEnvelope } from './demoAppointment';
import { x12Shape } from './x12Shape';

const FIXTURES = path.resolve('../shared/fixtures/x12');

function claimFor(appointment: Appointment) {
  const suggestion = suggestCodes({
    service: appointment.service,
    minutes: 53,
    modality: appointment.modality,
    clientLocation: appointment.clientLocation,
    payerProfile: appointment.payer.profile,
    credential: appointment.clinician.credential,
  });
  return buildClaim(appointment, suggestion);
}

describe('837P for the demo session', () => {
  const x12 = generate837P([claimFor(demoAppointment())], demoEnvelope);
  const shape = x12Shape(x12);

  it('parses strictly with counts right', () => {
    expect(shape.se01).toBe(shape.stToSe);
    expect(shape.ge01).toBe(shape.transactionSets);
    expect(shape.iea01).toBe(shape.groups);
    expect(check837P(x12).problems).toEqual([]);
    expect(check837P(x12).identifierProblems).toEqual([]);
  });

  it('has a fixed-width ISA and the X222A1 version', () => {
    expect(x12.split('~')[0]).toHaveLength(105);
    expect(shape.find('BHT')).toHaveLength(1);
    expect(x12).toContain('ST*837*0001*005010X222A1~');
    expect(x12).toContain('*X*005010X222A1~');
  });

  it('has the billing provider, subscriber-is-patient HL tree', () => {
    expect(shape.hl).toEqual(['1**20*1', '2*1*22*0']);
    expect(shape.find('SBR')[0]).toEqual([
      'P',
      '18',
      'GRP-100',
      '',
      '',
      '',
      '',
      '',
      'CI',
    ]);
    expect(shape.find('PAT')).toEqual([]);
  });

  it('codes 90837 with the commercial telehealth coding and dot-free diagnoses', () => {
    expect(shape.find('CLM')[0]?.slice(0, 5)).toEqual([
      'appt-demo-0001',
      '150',
      '',
      '',
      '10:B:1',
    ]);
    expect(shape.find('HI')[0]).toEqual(['ABK:F331', 'ABF:F411']);
    expect(shape.find('SV1')[0]).toEqual([
      'HC:90837:95',
      '150',
      'UN',
      '1',
      '',
      '',
      '1:2',
    ]);
    expect(shape.find('DTP')[0]).toEqual(['472', 'D8', '20260414']);
  });

  it('sends the rendering provider only when different from billing', () => {
    expect(shape.find('NM1').filter((v) => v[0] === '82')).toEqual([
      ['82', '1', 'REYES', 'DANA', '', '', '', 'XX', '1234567893'],
    ]);
    const solo = demoAppointment();
    solo.billingProvider.npi = solo.clinician.npi;
    const soloShape = x12Shape(generate837P([claimFor(solo)], demoEnvelope));
    expect(soloShape.find('NM1').filter((v) => v[0] === '82')).toEqual([]);
  });

  it('uses no telehealth modifier for Medicare at home (POS 10)', () => {
    const medicare = demoAppointment({
      payer: { id: '00952', name: 'Medicare Part B', profile: 'medicare' },
    });
    const m = x12Shape(generate837P([claimFor(medicare)], demoEnvelope));
    expect(m.find('SV1')[0]?.[0]).toBe('HC:90837');
    expect(m.find('CLM')[0]?.[4]).toBe('10:B:1');
    expect(m.find('SBR')[0]?.[8]).toBe('MB');
  });
});

describe('free text with delimiters', () => {
  it("keeps an apostrophe, strips '*' and other delimiters, stays valid", () => {
    const appointment = demoAppointment();
    appointment.client.familyName = "O'Brien-Núñez";
    appointment.client.address.line = ['12 Elm St *Apt 3~B', 'Unit:4^5'];
    const x12 = generate837P([claimFor(appointment)], demoEnvelope);
    const shape = x12Shape(x12);

    expect(shape.se01).toBe(shape.stToSe);
    expect(
      shape
        .find('NM1')
        .find((v) => v[0] === 'IL')
        ?.slice(0, 4),
    ).toEqual(['IL', '1', "O'BRIEN-NUNEZ", 'JORDAN']);
    expect(shape.find('N3')).toContainEqual(['12 ELM ST APT 3 B', 'UNIT 4 5']);
    expect(check837P(x12).problems).toEqual([]);
  });
});

describe('a batch of three claims', () => {
  const self = demoAppointment({ id: 'A1' });
  const child = demoAppointment({
    id: 'A2',
    coverage: {
      memberId: 'PARENT777',
      relationship: 'child',
      subscriber: {
        givenName: 'Pat',
        familyName: 'Parent',
        birthDate: '1970-05-01',
        sex: 'M',
        address: {
          line: ['9 Oak Ave'],
          city: 'Springfield',
          state: 'IL',
          postalCode: '62702',
        },
      },
    },
  });
  const other = demoAppointment({ id: 'A3' });
  other.billingProvider = {
    ...other.billingProvider,
    npi: '1987654328',
    name: 'Second Practice',
  };
  const x12 = generate837P([self, child, other].map(claimFor), demoEnvelope);
  const shape = x12Shape(x12);

  it('keeps HL numbering sequential with correct parents', () => {
    expect(shape.hl).toEqual([
      '1**20*1',
      '2*1*22*0',
      '3*1*22*1',
      '4*3*23*0',
      '5**20*1',
      '6*5*22*0',
    ]);
    expect(check837P(x12).problems).toEqual([]);
  });

  it('writes a patient loop only where the client is not the subscriber', () => {
    expect(shape.find('PAT')).toEqual([['19']]);
    expect(shape.find('SBR').map((v) => v[1])).toEqual(['18', '', '18']);
    const names = shape
      .find('NM1')
      .filter((v) => v[0] === 'IL' || v[0] === 'QC');
    expect(names.map((v) => `${v[0]}:${v[2]}`)).toEqual([
      'IL:SAMPLE',
      'IL:PARENT',
      'QC:SAMPLE',
      'IL:SAMPLE',
    ]);
  });

  it('counts all segments and claims', () => {
    expect(shape.se01).toBe(shape.stToSe);
    expect(shape.find('CLM')).toHaveLength(3);
    expect(check837P(x12).claims).toBe(3);
  });
});

describe('the checker on the shared 837P fixtures', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.837'));

  it.each(files)(
    '%s parses strictly with its counts and HL tree right',
    (file) => {
      const x12 = readFileSync(path.join(FIXTURES, file), 'utf8');
      const shape = x12Shape(x12);
      expect(shape.se01).toBe(shape.stToSe);
      expect(shape.ge01).toBe(shape.transactionSets);
      expect(shape.iea01).toBe(shape.groups);
      expect(check837P(x12).problems).toEqual([]);
    },
  );

  it('catches a wrong SE01, a broken HL parent and a wrong claim total', () => {
    const x12 = readFileSync(path.join(FIXTURES, 'demo.example1.837'), 'utf8');
    expect(() => check837P(x12.replace('SE*40*', 'SE*39*'))).toThrow(/SE01/);
    expect(
      check837P(x12.replace('HL*3*2*23*0', 'HL*3*1*23*0')).problems.join(),
    ).toMatch(/wrong parent/);
    expect(
      check837P(
        x12.replace('CLM*26463774*100.00', 'CLM*26463774*90.00'),
      ).problems.join(),
    ).toMatch(/CLM02/);
  });

  it('flags the made-up NPIs of the TR3 samples', () => {
    const x12 = readFileSync(path.join(FIXTURES, 'demo.example2.837'), 'utf8');
    expect(check837P(x12).identifierProblems.length).toBeGreaterThan(0);
  });
});
