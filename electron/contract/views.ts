/**
 * What crosses the boundary to the screens, as the renderer reads it. These
 * mirror the core's session types (electron/core/services/types.ts) field for
 * field where the UI reads them; the handlers return the core's values, so
 * the node typecheck fails if the two drift apart. The contract cannot import
 * the core: the renderer must build without Node code.
 */
import type { AppointmentFieldView } from './sessionContract';

export type Role = 'clinician' | 'client' | 'unknown';
export type Modality = 'video' | 'audio' | 'in-person';

export interface AppointmentView {
  id: string;
  client: {
    id: string;
    givenName: string;
    familyName: string;
    birthDate: string;
  };
  clinician: { id: string; name: string; credential: string };
  payer: { id: string; name: string; profile: string };
  service: string;
  modality: Modality;
  clientLocation: 'home' | 'other';
  scheduledStart: string;
  scheduledEnd: string;
  diagnoses: { code: string; display: string }[];
  goals: { id: string; text: string }[];
}

export type SessionStatus =
  'scheduled' | 'recording' | 'processing' | 'drafted' | 'signed' | 'failed';
export type NoteStatus = 'draft' | 'edited' | 'signed' | 'amended';

export interface SessionSummaryView {
  id: string;
  appointmentId: string;
  clientId: string;
  clientLabel: string;
  status: SessionStatus;
  scheduledStart: string;
  scheduledEnd: string;
  modality: Modality;
  noteStatus: NoteStatus | null;
}

export interface SegmentView {
  id: string;
  start: number;
  end: number;
  role: Role;
  channel: number;
  text: string;
  confidence: number;
}

export interface TranscriptView {
  durationSec: number;
  language: string;
  segments: SegmentView[];
  failedRegions: {
    start: number;
    end: number;
    channel: number;
    reason: string;
  }[];
  silentChannels: number[];
}

export type EvidenceView =
  | { segmentIds: string[]; start: number; end: number }
  | { appointment: AppointmentFieldView };

export interface DraftSentenceView {
  id: string;
  text: string;
  evidence: EvidenceView;
  lowEvidence?: boolean;
}

export interface DraftSectionView {
  id: string;
  title: string;
  sentences: DraftSentenceView[];
}

export interface DraftView {
  format: string;
  sections: DraftSectionView[];
  noContent?: boolean;
  engine: 'llm' | 'rules';
  model?: string;
  fallbackReason?: string;
  incomplete?: boolean;
  stats?: {
    calls: number;
    failedCalls: number;
    outputTokens: number;
    maxContextTokens: number;
    contextSize: number;
    firstTokenMs: number | null;
    promptMs?: number;
    llmMs: number;
  };
}

export interface NoteVersionView {
  version: number;
  status: NoteStatus;
  draft: DraftView;
  createdAt: string;
  signedBy?: string;
  signedAt?: string;
  amendmentReason?: string;
  cosignedBy?: string[];
}

export interface AssessmentView {
  instrumentId: string;
  answers: (number | null)[];
  total: number | null;
  severity: string | null;
  prorated: boolean;
  missing: number;
  source: 'form' | 'verbal';
  status: 'proposed' | 'confirmed';
}

export interface RiskFlagView {
  id: string;
  type: string;
  severity: 'low' | 'moderate' | 'high';
  status: 'open' | 'dismissed';
  source: 'transcript' | 'assessment';
  evidence: {
    segmentIds: string[];
    quote: string;
    start: number;
    end: number;
  }[];
  mandatedReport: boolean;
  detail?: string;
}

export interface BillingLineView {
  cpt: string;
  units: number;
  modifiers: string[];
  pos: string;
  description: string;
}

export interface ProblemView {
  code: string;
  message: string;
}

export interface BillingView {
  minutes: number;
  suggestion: {
    lines: BillingLineView[];
    placeOfService: string;
    reasons: string[];
    warnings: string[];
    blocked?: string;
  };
  documentation: { blocking: ProblemView[]; warnings: ProblemView[] } | null;
  claimX12: string | null;
  claimError: string | null;
}

export interface DeliveryView {
  id: string;
  sessionId: string | null;
  connectorId: string;
  status: 'pending' | 'in_flight' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

/** Everything the review and billing screens show for one session. */
export interface SessionDetailView {
  summary: SessionSummaryView;
  appointment: AppointmentView;
  transcript: TranscriptView | null;
  assessments: AssessmentView[];
  riskFlags: RiskFlagView[];
  note: NoteVersionView | null;
  versions: NoteVersionView[];
  billing: BillingView | null;
  deliveries: DeliveryView[];
}
