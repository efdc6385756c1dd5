import { describe, expect, it } from 'vitest';
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

describe('individual psychotherapy by minutes (CPT time rule)', () => {
  it.each([
    [15, []],
    [16, ['90832']],
    [37, ['90832']],
    [38, ['90834']],
    [52, ['90834']],
    [53, ['90837']],
    [90, ['90837']],
  ])('%i min -> %j', (minutes, expected) => {
    expect(codes({ minutes })).toEqual(expected);
  });

  it.each([
    [15, []],
    [16, ['90833']],
    [37, ['90833']],
    [38, ['90836']],
    [52, ['90836']],
    [53, ['90838']],
    [90, ['90838']],
  ])('with E/M by an MD, %i min -> %j', (minutes, expected) => {
    expect(codes({ minutes, withEm: true, credential: 'MD' })).toEqual(
      expected,
    );
  });

  it('blocks under 16 minutes with a reason', () => {
    const s = suggestCodes({ ...base, minutes: 15 });
    expect(s.blocked).toMatch(/under the 16-minute midpoint/);
    expect(s.lines).toEqual([]);
  });

  it('does not round up partial minutes', () => {
    expect(codes({ minutes: 52.9 })).toEqual(['90834']);
  });

  it('never adds a prolonged-service code past 60 minutes', () => {
    const s = suggestCodes({ ...base, minutes: 90 });
    expect(s.lines).toHaveLength(1);
    expect(s.reasons.join(' ')).toMatch(/99354-99357 were deleted/);
  });

  it('treats a same-day E/M code as withEm', () => {
    expect(
      codes({ minutes: 40, credential: 'MD', sameDayCodes: ['99213'] }),
    ).toEqual(['90836']);
  });
});

describe('crisis psychotherapy', () => {
  it.each([
    [29, ['90832']],
    [30, ['90839']],
    [74, ['90839']],
    [75, ['90839', '90840']],
    [104, ['90839', '90840']],
    [105, ['90839', '90840x2']],
    [134, ['90839', '90840x2']],
    [135, ['90839', '90840x3']],
  ])('%i min -> %j', (minutes, expected) => {
    expect(codes({ service: 'crisis', minutes })).toEqual(expected);
  });

  it('falls back to 90833 under 30 minutes with an E/M', () => {
    expect(
      codes({ service: 'crisis', minutes: 29, withEm: true, credential: 'MD' }),
    ).toEqual(['90833']);
  });

  it('falls back to nothing under 16 minutes', () => {
    expect(
      suggestCodes({ ...base, service: 'crisis', minutes: 10 }).blocked,
    ).toBeTruthy();
  });
});

describe('family and group', () => {
  it.each([
    ['family-with-client', 25, []],
    ['family-with-client', 26, ['90847']],
    ['family', 25, []],
    ['family', 26, ['90846']],
  ] as const)('%s %i min -> %j', (service, minutes, expected) => {
    expect(codes({ service, minutes })).toEqual(expected);
  });

  it('bills group per client regardless of minutes and warns on size', () => {
    const s = suggestCodes({
      ...base,
      service: 'group',
      minutes: 90,
      groupParticipants: 14,
    });
    expect(s.lines.map((l) => l.cpt)).toEqual(['90853']);
    expect(s.warnings.join(' ')).toMatch(/limit of 12/);
  });
});

describe('intake', () => {
  it('is 90791 whatever the minutes, 90792 with medical services', () => {
    expect(codes({ service: 'intake', minutes: 75 })).toEqual(['90791']);
    expect(
      codes({ service: 'intake', minutes: 75, withEm: true, credential: 'MD' }),
    ).toEqual(['90792']);
  });

  it('refuses 90792 for a psychologist or social worker under Medicare', () => {
    for (const credential of ['PhD', 'LCSW']) {
      const s = suggestCodes({
        ...base,
        payerProfile: 'medicare',
        service: 'intake',
        withEm: true,
        credential,
      });
      expect(s.blocked).toMatch(/may not bill 90792/);
    }
  });

  it('blocks intake on the same day as an E/M rather than turning it into 90792', () => {
    const s = suggestCodes({
      ...base,
      service: 'intake',
      credential: 'MD',
      sameDayCodes: ['99214'],
    });
    expect(s.blocked).toMatch(/90791 cannot be billed the same day as 99214/);
  });

  it('warns on a repeat evaluation inside the payer gap', () => {
    const soon = suggestCodes({
      ...base,
      service: 'intake',
      daysSinceLastIntake: 40,
    });
    expect(soon.warnings.join(' ')).toMatch(
      /40 days ago; this payer expects 180/,
    );
    const later = suggestCodes({
      ...base,
      service: 'intake',
      daysSinceLastIntake: 200,
    });
    expect(later.warnings).toEqual([]);
  });

  it('blocks intake on the same day as psychotherapy', () => {
    const s = suggestCodes({
      ...base,
      service: 'intake',
      sameDayCodes: ['90834'],
    });
    expect(s.blocked).toMatch(/90791 cannot be billed the same day as 90834/);
  });
});

describe('interactive complexity 90785', () => {
  const factor = { factor: 'caregiver-interference' };

  it('adds 90785 to psychotherapy with a qualifying factor', () => {
    expect(codes({ minutes: 45, interactiveComplexity: factor })).toEqual([
      '90834',
      '90785',
    ]);
  });

  it.each([
    ['crisis', 60, '90839'],
    ['family-with-client', 50, '90847'],
  ] as const)('is refused with %s (%s)', (service, minutes, primary) => {
    const s = suggestCodes({
      ...base,
      service,
      minutes,
      interactiveComplexity: factor,
    });
    expect(s.lines.map((l) => l.cpt)).toEqual([primary]);
    expect(s.warnings.join(' ')).toMatch(
      new RegExp(`90785 refused: 90785 cannot be billed with ${primary}`),
    );
  });

  it('is refused for a language interpreter alone', () => {
    const s = suggestCodes({
      ...base,
      interactiveComplexity: { factor: 'language-interpreter' },
    });
    expect(s.lines.map((l) => l.cpt)).toEqual(['90837']);
    expect(s.warnings.join(' ')).toMatch(/does not qualify/);
  });

  it('is allowed with group 90853', () => {
    expect(codes({ service: 'group', interactiveComplexity: factor })).toEqual([
      '90853',
      '90785',
    ]);
  });
});

describe('input checks', () => {
  it('throws billing_invalid for negative minutes or an unknown payer', () => {
    expect(() => suggestCodes({ ...base, minutes: -1 })).toThrow(/Minutes/);
    expect(() => suggestCodes({ ...base, payerProfile: 'nobody' })).toThrow(
      /No payer profile/,
    );
    expect(() => suggestCodes({ ...base, payerProfile: '../x' })).toThrow(
      /Payer profile names/,
    );
  });
});
