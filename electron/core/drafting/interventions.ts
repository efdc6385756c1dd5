/**
 * The intervention taxonomy the deterministic drafter recognises in the
 * clinician's speech. Labels are what a progress note names (DOMAIN.md 1.9
 * item 3: "type of psychotherapy and techniques used"); cues are phrases a
 * clinician says while delivering the technique.
 */
export interface InterventionType {
  id: string;
  label: string;
  modality: string;
  cues: RegExp[];
}

export const INTERVENTIONS: readonly InterventionType[] = [
  {
    id: 'cbt_cognitive_restructuring',
    label:
      'cognitive restructuring (identifying the automatic thought, weighing evidence, forming a balanced thought)',
    modality: 'CBT',
    cues: [
      /evidence (do you have )?for and against/i,
      /balanced thought/i,
      /\breframe\b/i,
      /what goes through your mind/i,
      /cognitive behavio(u)?ral/i,
      /thinking trap|cognitive distortion|automatic thought/i,
    ],
  },
  {
    id: 'behavioral_activation',
    label: 'behavioral activation (scheduling valued and pleasant activities)',
    modality: 'CBT',
    cues: [
      /behavio(u)?ral activation/i,
      /schedule (one|an|a|some) (small )?(activit|thing)/i,
      /pleasant activit/i,
      /activity (log|schedule)/i,
    ],
  },
  {
    id: 'mi_reflection',
    label: 'motivational interviewing reflections',
    modality: 'MI',
    cues: [
      /^it sounds like/i,
      /what i('m| am) hearing/i,
      /on (the )?one hand.*on the other/i,
      /part of you/i,
    ],
  },
  {
    id: 'mi_scaling',
    label: 'motivational interviewing scaling questions',
    modality: 'MI',
    cues: [
      /on a scale (of|from)/i,
      /scale of (zero|one|0|1) to (ten|10)/i,
      /why (a|an) \w+ and not (a|an) /i,
    ],
  },
  {
    id: 'dbt_skills',
    label: 'DBT skills coaching',
    modality: 'DBT',
    cues: [
      /\bDBT\b/,
      /wise mind/i,
      /distress tolerance/i,
      /opposite action/i,
      /DEAR MAN/,
      /radical acceptance/i,
      /\bTIPP?\b/,
    ],
  },
  {
    id: 'psychoeducation',
    label: 'psychoeducation',
    modality: 'supportive',
    cues: [
      /psycho-?education/i,
      /it('s| is) (very )?common (for|to)/i,
      /let me explain/i,
      /what we know about/i,
    ],
  },
  {
    id: 'grounding_breathing',
    label: 'grounding and paced breathing',
    modality: 'skills',
    cues: [
      /deep breath/i,
      /breathing exercise/i,
      /box breathing|paced breathing/i,
      /grounding/i,
      /five things you can see/i,
    ],
  },
  {
    id: 'safety_planning',
    label:
      'safety planning (reviewing warning signs, supports and crisis contacts)',
    modality: 'risk management',
    cues: [
      /safety plan/i,
      /crisis line/i,
      /who (are the people|could) you (can )?reach out/i,
    ],
  },
];

export function matchInterventions(text: string): InterventionType[] {
  return INTERVENTIONS.filter((type) =>
    type.cues.some((cue) => cue.test(text)),
  );
}
