import { describe, expect, it } from 'vitest';
import { conversation } from '../assessments/testing';
import { scoreAssessment } from '../assessments/score';
import { detectRiskFlags } from './detect';
import type { RiskFlagType } from './types';

function typesIn(turns: Parameters<typeof conversation>[0]): RiskFlagType[] {
  return detectRiskFlags(conversation(turns)).map((flag) => flag.type);
}

describe('detectRiskFlags', () => {
  it('raises a PHQ-9 item 9 flag from a form whatever the total', () => {
    const result = scoreAssessment('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(result.total).toBe(1);
    const [flag] = detectRiskFlags([], [result]);
    expect(flag?.type).toBe('phq9_item9');
    expect(flag?.status).toBe('open');
    expect(flag?.severity).toBe('moderate');
    expect(flag?.detail).toBe('PHQ-9 item 9: Several days (1)');
  });

  it('raises no item 9 flag for a zero answer', () => {
    const result = scoreAssessment('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(detectRiskFlags([], [result])).toEqual([]);
  });

  it('rates item 9 answers of 2 or more high', () => {
    const result = scoreAssessment('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(detectRiskFlags([], [result])[0]?.severity).toBe('high');
  });

  it('quotes the client with time for active ideation, plan and means', () => {
    const flags = detectRiskFlags(
      conversation([
        ['clinician', 'How has the week been?'],
        ['client', 'Bad. I keep thinking about killing myself.'],
        ['clinician', 'Have you thought about how?'],
        [
          'client',
          'I know how I would do it. My dad keeps a gun in the garage.',
        ],
      ]),
    );
    const active = flags.find(
      (flag) => flag.type === 'suicidal_ideation_active',
    );
    expect(active?.evidence[0]).toEqual({
      segmentIds: ['s2'],
      quote: 'I keep thinking about killing myself.',
      start: 5,
      end: 9,
    });
    expect(active?.severity).toBe('high');
    expect(flags.map((flag) => flag.type)).toEqual(
      expect.arrayContaining(['suicide_plan', 'means_access']),
    );
  });

  it('reads a bare "yes" against the safety question asked', () => {
    const flags = detectRiskFlags(
      conversation([
        ['clinician', 'Have you had thoughts of killing yourself?'],
        ['client', 'Yeah.'],
        ['clinician', 'Do you think you would act on those thoughts?'],
        ['client', 'Yes, I think so.'],
      ]),
    );
    expect(flags.map((flag) => flag.type).sort()).toEqual([
      'suicidal_ideation_active',
      'suicide_intent',
    ]);
    expect(flags[0]?.evidence[0]?.segmentIds).toEqual(['s1', 's2']);
  });

  it('records denials without raising flags', () => {
    const flags = detectRiskFlags(
      conversation([
        ['clinician', 'Any thoughts of suicide?'],
        ['client', 'No, I am not suicidal. I would never hurt myself.'],
      ]),
    );
    expect(flags).toEqual([]);
  });

  it('keeps denials on the flag as facts, never lowering it', () => {
    const [flag] = detectRiskFlags(
      conversation([
        ['client', 'Some nights I wish I was dead.'],
        ['clinician', 'Do you have a plan, or any guns at home?'],
        ['client', 'No.'],
      ]),
    );
    expect(flag?.type).toBe('suicidal_ideation_passive');
    expect(flag?.severity).toBe('moderate');
    expect(flag?.denials.map((denial) => denial.about).sort()).toEqual([
      'means',
      'plan',
    ]);
  });

  it('flags abuse and neglect for mandated reporting', () => {
    const flags = detectRiskFlags(
      conversation([
        ['client', 'When he drinks, my stepdad hits me and my little brother.'],
        ['client', 'Mom leaves the kids alone for days sometimes.'],
      ]),
    );
    expect(flags.map((flag) => [flag.type, flag.mandatedReport])).toEqual([
      ['abuse_disclosure', true],
      ['neglect_disclosure', true],
    ]);
  });

  it('flags self-harm, homicidal ideation, overdose and intoxication', () => {
    expect(
      typesIn([['client', 'I started cutting myself again last month.']]),
    ).toEqual(['self_harm']);
    expect(typesIn([['client', 'Honestly I want to kill my boss.']])).toEqual([
      'homicidal_ideation',
    ]);
    expect(typesIn([['client', 'Last year I overdosed on my pills.']])).toEqual(
      ['overdose'],
    );
    expect(
      typesIn([['client', 'I am kind of drunk right now, sorry.']]),
    ).toEqual(['intoxication']);
  });

  it("ignores the clinician's own screening words and everyday talk", () => {
    expect(
      typesIn([
        [
          'clinician',
          'Have you had thoughts that you would be better off dead, or of hurting yourself?',
        ],
        ['client', 'Not at all.'],
        ['clinician', 'What is coming up this week?'],
        ['client', 'I have a plan for the weekend, I am going to do it all.'],
        [
          'client',
          'The deadline is killing me and I am afraid of losing my job.',
        ],
        ['client', 'I wrote notes in class.'],
      ]),
    ).toEqual([]);
  });

  it('merges repeated disclosures into one flag with all the evidence', () => {
    const [flag, ...rest] = detectRiskFlags(
      conversation([
        ['client', 'I just want to die.'],
        ['clinician', 'Tell me more.'],
        ['client', 'I want to die, every night.'],
      ]),
    );
    expect(rest).toEqual([]);
    expect(flag?.evidence.map((evidence) => evidence.segmentIds[0])).toEqual([
      's1',
      's3',
    ]);
  });
});
