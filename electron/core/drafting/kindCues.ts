import type { Segment } from '../domain/transcript';
import type { FactKind } from './facts';
import { matchInterventions } from './interventions';

/**
 * Whether the segments a model cites can plausibly support a fact of that
 * kind: a small model mislabels often, and a homework line citing the
 * greeting must not reach the plan. Cues mirror the rules drafter's.
 */
export const HOMEWORK_CUE =
  /homework|between (now and|sessions)|this week,? (try|practice)|assignment|for next time|write down|practice/i;
export const NEXT_VISIT_CUE =
  /(meet|see you|see each other|talk) (again )?(next|on|in)|next (session|appointment|visit)|follow[- ]up|next (mon|tues|wednes|thurs|fri|satur|sun)day/i;
export const RISK_CUE =
  /suicid|kill (myself|himself|herself)|better off (dead|without me)|end (my life|it all)|hurt(ing)? (myself|yourself)|self[- ]harm|overdos|no,? (no )?plan|never (actually )?do (anything|it)|\bplan\b/i;
export const SAFETY_CUE =
  /safety plan|crisis|reach out|988|emergency|support|sister|brother|friend|call/i;

export function plausibleKind(
  kind: FactKind,
  cited: readonly Segment[],
): boolean {
  const text = cited.map((s) => s.text).join(' ');
  const from = (role: Segment['role']) => cited.some((s) => s.role === role);
  switch (kind) {
    case 'reported':
    case 'response':
    case 'progress':
      return from('client');
    case 'intervention':
      return cited.some(
        (s) => s.role !== 'client' && matchInterventions(s.text).length > 0,
      );
    case 'homework':
      return HOMEWORK_CUE.test(text);
    case 'next_appointment':
      return NEXT_VISIT_CUE.test(text);
    case 'risk':
      return RISK_CUE.test(text);
    case 'safety_plan':
      return SAFETY_CUE.test(text);
    case 'assessment':
    case 'consent':
    case 'goal':
    case 'session':
      // Instrument results, consent, goals and session facts come from the
      // detectors and the appointment, never from the model.
      return false;
  }
}

/** A faithful fallback statement when the model's own words are not grounded. */
export function quotedStatement(
  kind: FactKind,
  cited: readonly Segment[],
): string {
  const quote = cited.map((s) => s.text).join(' ');
  switch (kind) {
    case 'intervention': {
      const labels = [
        ...new Set(
          cited.flatMap((s) =>
            matchInterventions(s.text).map((t) => t.label.split(' (')[0]),
          ),
        ),
      ];
      return `Clinician used ${labels.join(' and ')}.`;
    }
    case 'homework':
      return `Homework discussed: "${quote}"`;
    case 'next_appointment':
      return `Next appointment discussed: "${quote}"`;
    case 'risk':
      return `Risk-related statement for clinician review: "${quote}"`;
    case 'safety_plan':
      return `Safety planning discussed: "${quote}"`;
    case 'response':
      return `Client responded: "${quote}"`;
    case 'progress':
      return `Client described progress: "${quote}"`;
    case 'assessment':
    case 'consent':
    case 'goal':
    case 'reported':
    case 'session':
      return `Client reported: "${quote}"`;
  }
}
