import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { suggestCodes } from './suggestCodes';
import type { SuggestInput } from './types';

const base: SuggestInput = {
  service: 'psychotherapy',
  minutes: 53,
  modality: 'in-person',
  clientLocation: 'other',
  payerProfile: 'commercial',
  credential: 'LCSW',
};

function codes(input: Partial<SuggestInput>): string[] {
  const s = suggestCodes({ ...base, ...input });
  return s.lines.map((l) => (l.units > 1 ? `${l.cpt}x${l.units}` : l.cpt));
}

describe('credential limits', () => {
  it('refuses E/M add-ons for a social worker under Medicare', () => {
    const s = suggestCodes({
      ...base,
      payerProfile: 'medicare',
      withEm: true,
      credential: 'LCSW',
    });
    expect(s.blocked).toMatch(/may not bill 90838/);
    expect(s.lines).toEqual([]);
  });

  it('lets an MFT bill psychotherapy under Medicare (since 2024)', () => {
    expect(codes({ payerProfile: 'medicare', credential: 'LMFT' })).toEqual([
      '90837',
    ]);
  });

  it('refuses an unlicensed associate', () => {
    expect(suggestCodes({ ...base, credential: 'LMSW' }).blocked).toMatch(
      /does not accept claims/,
    );
  });

  it('throws on an unknown credential', () => {
    expect(() => suggestCodes({ ...base, credential: 'Wizard' })).toThrow(
      AppError,
    );
  });
});

describe('telehealth place of service and modifiers', () => {
  it('Medicare video visit at home: POS 10, no modifier', () => {
    const s = suggestCodes({
      ...base,
      payerProfile: 'medicare',
      modality: 'video',
      clientLocation: 'home',
    });
    expect(s.placeOfService).toBe('10');
    expect(s.lines).toEqual([
      expect.objectContaining({
        cpt: '90837',
        modifiers: [],
        pos: '10',
        units: 1,
      }),
    ]);
  });

  it('commercial video visit at home: POS 10 with 95 on every line', () => {
    const s = suggestCodes({
      ...base,
      modality: 'video',
      clientLocation: 'home',
      interactiveComplexity: { factor: 'sentinel-event' },
    });
    expect(s.placeOfService).toBe('10');
    expect(s.lines.map((l) => [l.cpt, l.modifiers, l.pos])).toEqual([
      ['90837', ['95'], '10'],
      ['90785', ['95'], '10'],
    ]);
  });

  it.each([
    ['medicare', 'video', 'other', '02', []],
    ['medicare', 'audio', 'home', '10', ['93']],
    ['commercial', 'video', 'other', '02', ['95']],
    ['commercial', 'audio', 'other', '02', ['93']],
    ['commercial', 'in-person', 'other', '11', []],
    ['medicare', 'in-person', 'home', '12', []],
  ] as const)(
    '%s %s at %s -> POS %s %j',
    (payerProfile, modality, clientLocation, pos, mods) => {
      const s = suggestCodes({
        ...base,
        payerProfile,
        modality,
        clientLocation,
      });
      expect(s.lines[0]).toEqual(
        expect.objectContaining({ pos, modifiers: mods }),
      );
    },
  );

  it('blocks Medicare audio-only outside the home', () => {
    const s = suggestCodes({
      ...base,
      payerProfile: 'medicare',
      modality: 'audio',
      clientLocation: 'other',
    });
    expect(s.blocked).toMatch(/does not cover audio/);
  });
});
