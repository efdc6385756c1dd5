import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourcePath } from '../paths';
import { cptDescription } from './codeTable';
import { loadPayerProfile, payerProfileSchema } from './payerProfile';
import { suggestCodes } from './suggestCodes';

describe('payer profiles', () => {
  it.each(['medicare', 'commercial'])('%s loads and validates', (name) => {
    const profile = loadPayerProfile(name);
    expect(profile.name).toBe(name);
    expect(profile.sources.length).toBeGreaterThan(0);
  });

  it('refuses a profile with a bad field and names the field', () => {
    const data = JSON.parse(
      readFileSync(resourcePath('payers', 'commercial.json'), 'utf8'),
    ) as Record<string, unknown>;
    const broken = {
      ...data,
      telehealth: {
        ...(data['telehealth'] as object),
        video: { home: { pos: '1' } },
      },
    };
    const parsed = payerProfileSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.slice(0, 2)).toEqual([
      'telehealth',
      'video',
    ]);
  });

  it('accepts an edited profile object, e.g. a plan wanting POS 11 with 95', () => {
    const base = loadPayerProfile('commercial');
    const edited = {
      ...base,
      name: 'plan-pos11',
      telehealth: {
        ...base.telehealth,
        video: {
          ...base.telehealth.video,
          home: { pos: '11', modifiers: ['95' as const] },
        },
      },
    };
    const s = suggestCodes({
      service: 'psychotherapy',
      minutes: 40,
      modality: 'video',
      clientLocation: 'home',
      payerProfile: edited,
      credential: 'LPC',
    });
    expect(s.lines.map((l) => [l.cpt, l.modifiers, l.pos])).toEqual([
      ['90834', ['95'], '11'],
    ]);
  });
});

describe('code table', () => {
  it('describes every code the rules can emit', () => {
    const emitted = [
      '90791',
      '90792',
      '90832',
      '90833',
      '90834',
      '90836',
      '90837',
      '90838',
      '90839',
      '90840',
      '90846',
      '90847',
      '90853',
      '90785',
    ];
    for (const code of emitted) expect(cptDescription(code)).not.toBe(code);
  });
});
