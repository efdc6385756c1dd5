import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClaim } from '../../electron/core/billing/claim';
import {
  appointmentTimeline,
  sessionMinutes,
} from '../../electron/core/billing/sessionMinutes';
import { suggestCodes } from '../../electron/core/billing/suggestCodes';
import { check837P } from '../../electron/core/billing/x12/check837P';
import { generate837P } from '../../electron/core/billing/x12/generate837P';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { demoEnvelope } from './demoAppointment';
import { x12Shape } from './x12Shape';

// The shipped demo appointment: a 53-minute Medicare video visit from home,
// F33.1 and F41.1, a surname with an apostrophe and a street with '*'.
const appointment = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

describe('the shipped demo appointment', () => {
  const minutes = sessionMinutes(appointmentTimeline(appointment));
  const suggestion = suggestCodes({
    service: appointment.service,
    minutes,
    modality: appointment.modality,
    clientLocation: appointment.clientLocation,
    payerProfile: appointment.payer.profile,
    credential: appointment.clinician.credential,
  });
  const x12 = generate837P([buildClaim(appointment, suggestion)], demoEnvelope);
  const shape = x12Shape(x12);

  it('measures 53 minutes and suggests 90837 at POS 10', () => {
    expect(minutes).toBe(53);
    expect(suggestion.lines.map((l) => [l.cpt, l.modifiers, l.pos])).toEqual([
      ['90837', [], '10'],
    ]);
  });

  it('writes a strictly valid 837P with clean free text', () => {
    expect(shape.se01).toBe(shape.stToSe);
    expect(shape.ge01).toBe(1);
    expect(shape.iea01).toBe(1);
    expect(shape.hl).toEqual(['1**20*1', '2*1*22*0']);
    expect(check837P(x12)).toMatchObject({
      problems: [],
      identifierProblems: [],
      claims: 1,
    });
    expect(shape.find('NM1').find((v) => v[0] === 'IL')?.[2]).toBe(
      "O'ROURKE-DEMO",
    );
    expect(shape.find('N3')).toContainEqual(['12 SAMPLE STREET', 'APT 3']);
    expect(shape.find('HI')[0]).toEqual(['ABK:F331', 'ABF:F411']);
    expect(shape.find('CLM')[0]?.[4]).toBe('10:B:1');
  });
});
