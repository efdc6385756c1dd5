import type { Segment } from '../domain/transcript';
import { normalize } from '../assessments/text';
import { evidenceOf, type RiskHit } from './evidence';
import { QUESTION_TOPICS, RISK_CONTEXT } from './patterns';
import type { DenialTopic, RiskDenial, RiskFlagType } from './types';

const NO =
  /^ (?:no|nope|never|not really|nah|i dont|i do not|i havent|i have not|i wouldnt|not at all) /;
const YES =
  /^ (?:yes|yeah|yep|yup|sometimes|i have|i do|i did|kind of|sort of|a little|maybe) /;

/** How many segments before a question may set its suicide context. */
const CONTEXT_SEGMENTS = 3;

/**
 * Reads a bare "no" or "yes" against the clinician's safety question just
 * before it ("Have you made any plan?" / "No."). A "no" is a denial of that
 * topic unless the reply already states its own denial; a "yes" raises the
 * matching flag, quoting the reply.
 */
export function answerReadings(
  ordered: Segment[],
  hits: RiskHit[],
  denials: RiskDenial[],
): void {
  ordered.forEach((question, position) => {
    if (question.role !== 'clinician' || !question.text.includes('?')) return;
    const topics = topicsOf(ordered, position);
    const reply = ordered[position + 1];
    if (topics.length === 0 || !reply || reply.role === 'clinician') return;

    const text = normalize(reply.text);
    const evidence = {
      ...evidenceOf(reply, reply.text),
      segmentIds: [question.id, reply.id],
    };
    const explicit = denials.some((denial) =>
      denial.evidence.segmentIds.includes(reply.id),
    );
    if (NO.test(text) && !explicit) {
      for (const about of topics) denials.push({ about, evidence });
    }
    if (YES.test(text)) {
      for (const about of topics)
        hits.push({ ...hitFor(about, question.text), evidence });
    }
  });
}

function topicsOf(ordered: Segment[], position: number): DenialTopic[] {
  const question = ordered[position];
  if (!question) return [];
  const text = normalize(question.text);
  const window = ordered.slice(
    Math.max(0, position - CONTEXT_SEGMENTS),
    position + 1,
  );
  if (
    !RISK_CONTEXT.test(
      normalize(window.map((segment) => segment.text).join(' ')),
    )
  )
    return [];

  const topics = QUESTION_TOPICS.filter((topic) =>
    topic.pattern.test(text),
  ).map((t) => t.about);
  // "How would you hurt yourself, any plan?" is a plan question, not a second one.
  return topics.includes('plan')
    ? topics.filter((about) => about !== 'self_harm')
    : topics;
}

function hitFor(
  about: DenialTopic,
  question: string,
): Omit<RiskHit, 'evidence'> {
  const types: Record<DenialTopic, RiskFlagType> = {
    plan: 'suicide_plan',
    intent: 'suicide_intent',
    means: 'means_access',
    self_harm: 'self_harm',
    ideation: /suicid|kill(?:ing)? yourself|end(?:ing)? your life/.test(
      normalize(question),
    )
      ? 'suicidal_ideation_active'
      : 'suicidal_ideation_passive',
  };
  const type = types[about];
  const moderate = type === 'self_harm' || type === 'suicidal_ideation_passive';
  return { type, severity: moderate ? 'moderate' : 'high' };
}
