import type { AssessmentResult } from '../assessments/types';
import type { Appointment } from '../domain/appointment';
import type { Transcript } from '../domain/transcript';
import type { RiskFlag } from '../risk/types';
import { appointmentFacts, goalProgressFacts } from './appointmentFacts';
import type { Fact } from './facts';
import {
  assessmentFacts,
  riskFlagFacts,
  uncoveredRiskFacts,
} from './riskFacts';
import { transcriptFacts } from './transcriptFacts';

export interface FactInput {
  transcript: Transcript;
  appointment?: Appointment;
  riskFlags: readonly RiskFlag[];
  assessments: readonly AssessmentResult[];
}

/**
 * Every fact the deterministic drafter can support: appointment facts,
 * instrument results, risk flags (plus the risk-word safety net) and the
 * transcript heuristics. Segments already cited as instrument answers or
 * risk evidence are not quoted again as "reported".
 */
export function rulesFacts(input: FactInput): Fact[] {
  const segments = input.transcript.segments;
  const risk = [
    ...riskFlagFacts(input.riskFlags, segments),
    ...uncoveredRiskFacts(segments, input.riskFlags),
  ];
  const itemFlagged = input.riskFlags.some((f) => f.type === 'phq9_item9');
  const scores = assessmentFacts(input.assessments, segments, {
    riskItems: !itemFlagged,
  });

  const cited = new Set<string>();
  for (const fact of [...risk, ...scores]) {
    if ('segmentIds' in fact.evidence)
      for (const id of fact.evidence.segmentIds) cited.add(id);
  }
  const appointment = input.appointment;
  return [
    ...(appointment ? appointmentFacts(appointment) : []),
    ...(appointment ? goalProgressFacts(appointment, segments) : []),
    ...scores,
    ...risk,
    ...transcriptFacts(segments, cited),
  ];
}
