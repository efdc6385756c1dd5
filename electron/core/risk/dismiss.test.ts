import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../assessments/score';
import { conversation } from '../assessments/testing';
import { detectRiskFlags } from './detect';
import { dismissRiskFlag } from './dismiss';
import type { RiskFlag } from './types';

function itemNineFlag(): RiskFlag {
  const [flag] = detectRiskFlags(
    [],
    [scoreAssessment('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1])],
  );
  if (!flag) throw new Error('expected a flag');
  return flag;
}

const NOTE =
  'C-SSRS screen: passive ideation, no plan, no intent; safety plan reviewed.';

describe('dismissRiskFlag', () => {
  it('refuses without a documented assessment', () => {
    const flag = itemNineFlag();
    expect(() =>
      dismissRiskFlag(flag, { clinicianId: 'c1', assessmentNote: '' }),
    ).toThrow(/Document/);
    expect(() =>
      dismissRiskFlag(flag, { clinicianId: 'c1', assessmentNote: 'ok fine' }),
    ).toThrow(/Document/);
    expect(() =>
      dismissRiskFlag(flag, { clinicianId: ' ', assessmentNote: NOTE }),
    ).toThrow(/clinician/);
    expect(flag.status).toBe('open');
  });

  it('closes a flag with who, when and the assessment', () => {
    const flag = itemNineFlag();
    const done = dismissRiskFlag(flag, {
      clinicianId: 'c1',
      assessmentNote: NOTE,
      at: '2026-01-02T10:00:00Z',
    });
    expect(done.status).toBe('dismissed');
    expect(done.dismissal).toEqual({
      clinicianId: 'c1',
      assessmentNote: NOTE,
      at: '2026-01-02T10:00:00Z',
    });
    expect(flag.status).toBe('open');
    expect(() =>
      dismissRiskFlag(done, { clinicianId: 'c1', assessmentNote: NOTE }),
    ).toThrow(/already/);
  });

  it('needs the mandated-report decision for abuse disclosures', () => {
    const [flag] = detectRiskFlags(
      conversation([['client', 'My dad hits me when he is angry.']]),
    );
    if (!flag) throw new Error('expected a flag');
    const note =
      'Discussed safety at home; client is safe tonight; supervisor consulted.';
    expect(() =>
      dismissRiskFlag(flag, { clinicianId: 'c1', assessmentNote: note }),
    ).toThrow(/mandated/);
    const done = dismissRiskFlag(flag, {
      clinicianId: 'c1',
      assessmentNote: note,
      reportDecision: 'filed',
    });
    expect(done.dismissal?.assessmentNote).toContain('Mandated report filed.');
  });
});
