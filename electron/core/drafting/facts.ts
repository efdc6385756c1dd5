import type { Evidence } from './types';

/**
 * What a drafter extracts before it writes: one clinical fact and its
 * evidence. Templates place facts in sections by kind, so one set of facts
 * serves SOAP, BIRP, DAP and GIRP alike.
 */
export const FACT_KINDS = [
  'session',
  'consent',
  'reported',
  'assessment',
  'intervention',
  'response',
  'risk',
  'safety_plan',
  'homework',
  'next_appointment',
  'goal',
  'progress',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  kind: FactKind;
  text: string;
  evidence: Evidence;
  lowEvidence?: boolean;
  /** Where the fact came from; guards add rules facts to LLM drafts. */
  origin: 'rules' | 'llm' | 'appointment';
}
