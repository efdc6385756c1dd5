/**
 * Risk flags raised from a transcript or an instrument answer. A flag is
 * never closed automatically: dismissing one needs the clinician's id and
 * a note of the risk assessment done (see dismissRiskFlag).
 */

export const RISK_FLAG_TYPES = [
  'suicidal_ideation_passive',
  'suicidal_ideation_active',
  'suicide_plan',
  'suicide_intent',
  'means_access',
  'self_harm',
  'homicidal_ideation',
  'abuse_disclosure',
  'neglect_disclosure',
  'overdose',
  'intoxication',
  'phq9_item9',
] as const;

export type RiskFlagType = (typeof RISK_FLAG_TYPES)[number];

export type RiskSeverity = 'low' | 'moderate' | 'high';

export type RiskFlagStatus = 'open' | 'dismissed';

/** Quoted words and their time in the recording (seconds). */
export interface RiskEvidence {
  segmentIds: string[];
  /** The client's (or clinician's) words; shown, never logged. */
  quote: string;
  start: number;
  end: number;
}

/** What the client explicitly denied ("no plan", "I would never do it"). */
export type DenialTopic =
  'ideation' | 'plan' | 'intent' | 'means' | 'self_harm';

export interface RiskDenial {
  about: DenialTopic;
  evidence: RiskEvidence;
}

export interface RiskDismissal {
  clinicianId: string;
  /** The documented risk assessment (e.g. C-SSRS done, safety plan). */
  assessmentNote: string;
  at: string;
}

export interface RiskFlag {
  id: string;
  type: RiskFlagType;
  severity: RiskSeverity;
  status: RiskFlagStatus;
  source: 'transcript' | 'assessment';
  evidence: RiskEvidence[];
  /** Denials heard near the flag; they inform, never lower, the flag. */
  denials: RiskDenial[];
  /** Abuse and neglect disclosures may oblige a report to a third party. */
  mandatedReport: boolean;
  /** A short, safe description when there is no quote (a form answer). */
  detail?: string;
  dismissal?: RiskDismissal;
}
