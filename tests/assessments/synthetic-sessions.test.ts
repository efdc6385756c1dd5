import { describe, expect, it } from 'vitest';
import { detectAssessments } from '../../electron/core/assessments/detect';
import { conversation } from '../../electron/core/assessments/testing';
import type { Role } from '../../electron/core/domain/transcript';
import { detectRiskFlags } from '../../electron/core/risk/detect';

// Synthetic sessions written for these tests, phrased unlike the demo:
// recognizer-style lower case without punctuation, loose paraphrases,
// a second instrument and unknown speakers.
const ASR_STYLE: [Role, string][] = [
  ['clinician', 'ok lets do the phq nine like we always do'],
  ['client', 'sure'],
  [
    'clinician',
    'in the last two weeks how often have you had little interest or pleasure in doing things',
  ],
  ['client', 'um i would say most days'],
  ['clinician', 'feeling down depressed or hopeless'],
  ['client', 'a few days i guess'],
  [
    'clinician',
    'how about your sleep trouble falling asleep staying asleep or sleeping too much',
  ],
  ['client', 'every single day honestly i barely sleep'],
  ['clinician', 'feeling tired or having little energy'],
  ['client', 'yeah nearly every day'],
  ['clinician', 'poor appetite or overeating'],
  ['client', 'not really'],
  ['clinician', 'feeling bad about yourself or that youre a failure'],
  ['client', 'sometimes'],
  ['clinician', 'trouble concentrating on things like reading or tv'],
  ['client', 'more than half the days'],
  ['clinician', 'moving or speaking slowly or being really fidgety'],
  ['client', 'no'],
  [
    'clinician',
    'and thoughts that youd be better off dead or of hurting yourself',
  ],
  ['client', 'not at all'],
  [
    'clinician',
    'and how difficult have these problems made it to do your work or get along with people',
  ],
  ['client', 'somewhat difficult'],
  [
    'clinician',
    'now a few about worry. over the past two weeks how often have you felt nervous anxious or on edge',
  ],
  ['client', 'all the time'],
  ['clinician', 'not being able to stop or control worrying'],
  ['client', 'more than half the days'],
];

describe('synthetic sessions', () => {
  it('reads a recognizer-style PHQ-9 and a GAD-2 in one session', () => {
    const results = detectAssessments(conversation(ASR_STYLE));
    expect(results.map((result) => result.instrumentId)).toEqual([
      'phq9',
      'gad2',
    ]);
    const [phq9, gad2] = results;
    expect(phq9?.answers).toEqual([2, 1, 3, 3, 0, 1, 2, 0, 0, 1]);
    expect(phq9?.total).toBe(12);
    expect(phq9?.severity).toBe('moderate');
    expect(gad2?.answers).toEqual([3, 2]);
    expect(gad2?.positive).toBe(true);
  });

  it('raises no flag when item 9 is "not at all"', () => {
    const segments = conversation(ASR_STYLE);
    expect(detectRiskFlags(segments, detectAssessments(segments))).toEqual([]);
  });

  it('still works, less surely, when speakers are unknown', () => {
    const unknown = ASR_STYLE.map(([, text]): [Role, string] => [
      'unknown',
      text,
    ]);
    const [phq9] = detectAssessments(conversation(unknown));
    const known = detectAssessments(conversation(ASR_STYLE))[0];
    expect(phq9?.answers.slice(0, 4)).toEqual([2, 1, 3, 3]);
    expect(phq9?.items[0]?.confidence).toBeLessThan(
      known?.items[0]?.confidence ?? 0,
    );
  });

  it('flags item 9 from a positive spoken answer with a low total', () => {
    const segments = conversation([
      [
        'clinician',
        'Over the last two weeks, how often have you been bothered by feeling down or hopeless?',
      ],
      ['client', 'Not really.'],
      [
        'clinician',
        'Any thoughts that you would be better off dead, or of hurting yourself in some way?',
      ],
      ['client', 'Once or twice, yeah.'],
    ]);
    const assessments = detectAssessments(segments);
    const flag = detectRiskFlags(segments, assessments).find(
      (f) => f.type === 'phq9_item9',
    );
    expect(assessments[0]?.answers[8]).toBe(1);
    expect(flag?.evidence[0]?.quote).toBe('Once or twice, yeah.');
  });
});
