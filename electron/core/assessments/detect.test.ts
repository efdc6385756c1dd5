import { describe, expect, it } from 'vitest';
import { detectAssessments, PROPOSE_AT } from './detect';
import type { Role, Segment } from '../domain/transcript';
import { conversation } from './testing';

describe('detectAssessments', () => {
  it('finds a paraphrased GAD-7 with loose answers', () => {
    const segments = conversation([
      [
        'clinician',
        'I want to check on anxiety. In the past two weeks, how often have you felt nervous or on edge?',
      ],
      ['client', 'More than half the days.'],
      ['clinician', 'How about not being able to stop or control worrying?'],
      ['client', 'Every single day.'],
      ['clinician', 'And worrying too much about different things?'],
      ['client', 'A few days, I guess.'],
      ['clinician', 'Trouble relaxing?'],
      ['client', 'Not really.'],
      ['clinician', 'Being so restless that it is hard to sit still?'],
      ['client', 'Not at all.'],
      ['clinician', 'Getting easily annoyed or irritable?'],
      ['client', 'Sometimes.'],
      ['clinician', 'And feeling afraid, as if something awful might happen?'],
      ['client', 'Nearly every day.'],
    ]);
    const [gad] = detectAssessments(segments);
    expect(gad?.instrumentId).toBe('gad7');
    expect(gad?.answers).toEqual([2, 3, 1, 0, 0, 1, 3]);
    expect(gad?.total).toBe(10);
    expect(gad?.severity).toBe('moderate');
    expect(gad?.status).toBe('proposed');
    expect(gad?.items[0]?.evidence?.segmentIds).toEqual(['s1', 's2']);
    expect(gad?.items[2]?.evidence?.quote).toBe('A few days, I guess.');
  });

  it('finds nothing in a session with no administration', () => {
    const segments = conversation([
      ['clinician', 'How have you been sleeping lately?'],
      ['client', 'Not great, I wake up a lot.'],
      ['clinician', 'Do you have much energy during the day?'],
      ['client', 'Not really, I drink a lot of coffee.'],
      ['clinician', 'What would you like to focus on today?'],
      ['client', 'Mostly my job, and my sister.'],
    ]);
    expect(detectAssessments(segments)).toEqual([]);
  });

  it('leaves an uncertain item null with a suggestion for the clinician', () => {
    const segments = conversation([
      [
        'clinician',
        'Over the last two weeks, how often have you had little interest or pleasure in doing things?',
      ],
      ['client', 'Sometimes, or nearly every day, I really do not know.'],
      ['clinician', 'And feeling down, depressed or hopeless?'],
      ['client', 'Hmm, hard to say.'],
    ]);
    const [result] = detectAssessments(segments);
    expect(result?.instrumentId).toBe('phq2');
    expect(result?.answers).toEqual([null, null]);
    expect(result?.total).toBeNull();
    expect(result?.items[0]?.confidence).toBeLessThan(PROPOSE_AT);
    expect(result?.items[0]?.suggested).toBeDefined();
    expect(result?.items[1]?.suggested).toBeUndefined();
  });

  it('follows a clarification of the scale to the final answer', () => {
    const segments = conversation([
      [
        'clinician',
        'Over the past two weeks, how often have you felt tired or had little energy?',
      ],
      ['client', 'Hmm, it comes and goes.'],
      ['clinician', 'Would you say several days, or more than half the days?'],
      ['client', 'More than half, I think.'],
      [
        'clinician',
        'And how often have you had trouble concentrating, like reading or watching TV?',
      ],
      ['client', 'Every day.'],
    ]);
    const [phq] = detectAssessments(segments);
    expect(phq?.instrumentId).toBe('phq9');
    expect(phq?.answers.slice(0, 9)).toEqual([
      null,
      null,
      null,
      2,
      null,
      null,
      3,
      null,
      null,
    ]);
    expect(phq?.total).toBeNull();
    expect(phq?.items[3]?.evidence?.segmentIds).toEqual(['s1', 's2', 's4']);
  });

  it('keeps the first confident item 9 answer despite a follow-up that reuses its words', () => {
    const segments = conversation([
      [
        'clinician',
        'Over the last two weeks, how often have you felt down or hopeless?',
      ],
      ['client', 'Most days.'],
      [
        'clinician',
        'And thoughts that you would be better off dead or of hurting yourself?',
      ],
      ['client', 'A couple of days.'],
      ['clinician', 'Have you thought about how you would hurt yourself?'],
      ['client', 'No.'],
    ]);
    const [phq] = detectAssessments(segments);
    expect(phq?.answers[1]).toBe(2);
    expect(phq?.answers[8]).toBe(1);
  });

  it('lowers confidence for poorly recognized speech', () => {
    const turns: ['clinician' | 'client', string][] = [
      [
        'clinician',
        'Over the past two weeks, how often have you had poor appetite or overeating?',
      ],
      ['client', 'Several days.'],
      ['clinician', 'Feeling bad about yourself, or that you are a failure?'],
      ['client', 'Not at all.'],
    ];
    const clear = detectAssessments(conversation(turns, 0.95))[0];
    const muddy = detectAssessments(conversation(turns, 0.3))[0];
    expect(muddy?.items[4]?.confidence).toBeLessThan(
      clear?.items[4]?.confidence ?? 0,
    );
  });

  describe('on recognizer output', () => {
    // tiny.en on the synthetic demo: misheard words, a question cut over two
    // segments, item 9 without any of its cue words.
    const turns: [Role, string][] = [
      ['clinician', "Let's do our check-in questions."],
      [
        'clinician',
        'Over the last two weeks, how often have you been bothered by little interest or pleasure in doing things?',
      ],
      ['client', "More than half the maze, I'd say."],
      ['clinician', 'and feeling down, depressed or hopeless.'],
      ['client', 'Nearly every day,'],
      ['clinician', 'Trunnel falling or staring asleep or sleeping too much.'],
      ['client', 'nearly every day, definitely.'],
      ['clinician', 'Feeling tired or having little energy.'],
      ['client', 'More than half the maze.'],
      ['clinician', 'Per appetite or overeating.'],
      ['client', 'Several dais.'],
      [
        'clinician',
        'Feeling back about yourself or not your failure or have left yourself or your family down.',
      ],
      ['client', 'More than half the days.'],
      [
        'clinician',
        'Trunnel concentrating on things such as reading or watching television.',
      ],
      ['client', 'Several days.'],
      [
        'clinician',
        'Moving or speaking so slowly, no time or people kill them, no, this, or being so fidgety or restless,',
      ],
      ['clinician', "that you've been moving around a lot more than usual."],
      ['client', 'Not at all.'],
      [
        'clinician',
        'And thoughts that you would be mad or often mad, or un-ferging yourself in some way.',
      ],
      ['client', 'Several days.'],
      [
        'client',
        'Sometimes I think everyone would be better off without me, but I would never actually do anything.',
      ],
    ];

    it('reads all nine items in order', () => {
      const [phq] = detectAssessments(tight(conversation(turns)));
      expect(phq?.instrumentId).toBe('phq9');
      expect(phq?.answers.slice(0, 9)).toEqual([2, 3, 3, 2, 1, 2, 1, 0, 1]);
      expect(phq?.total).toBe(15);
    });

    it('leaves item 9 open when its reply is only a statement', () => {
      const statement = turns.filter(([, text]) => text !== 'Several days.');
      const [phq] = detectAssessments(tight(conversation(statement)));
      expect(phq?.answers[8]).toBeNull();
      expect(phq?.missing).toBeGreaterThan(0);
    });

    it('does not read garbled wording outside an administration', () => {
      const segments = conversation([
        ['clinician', 'How have you been sleeping lately?'],
        ['client', 'Nearly every night I wake up at three.'],
        [
          'clinician',
          'Feeling back about yourself or not your failure, you said last time.',
        ],
        ['client', 'Sometimes, yes.'],
        ['clinician', 'And thoughts that you would be mad in some way?'],
        ['client', 'No.'],
      ]);
      expect(detectAssessments(segments)).toEqual([]);
    });
  });
});

/** Recognizer timing: a clinician segment cut mid-sentence runs on at once. */
function tight(segments: Segment[]): Segment[] {
  return segments.map((segment, position) => ({
    ...segment,
    start: position * 3,
    end: position * 3 + 2.5,
  }));
}
