import type { Segment } from '../domain/transcript';
import type { RiskEvidence, RiskFlag, RiskFlagType } from './types';

/** One hit before hits of the same type are merged into a flag. */
export interface RiskHit {
  type: RiskFlagType;
  severity: RiskFlag['severity'];
  evidence: RiskEvidence;
}

/** Evidence for words heard in one segment. */
export function evidenceOf(segment: Segment, quote: string): RiskEvidence {
  return {
    segmentIds: [segment.id],
    quote: quote.trim(),
    start: segment.start,
    end: segment.end,
  };
}
