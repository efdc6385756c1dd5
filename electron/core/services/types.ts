import type { Appointment } from '../domain/appointment';
import type { Transcript } from '../domain/transcript';
import type { AssessmentResult } from '../assessments/types';
import type { BillingSuggestion } from '../billing/types';
import type { DocumentationCheck } from '../billing/documentation';
import type { Draft, NoteFormat, DraftEngine } from '../drafting/types';
import type { RiskFlag } from '../risk/types';
import type { AudioClip } from './evidenceAudio';
import type { RedraftRequest } from './redraft';

/** Where a session stands in the clinician's day. */
export type SessionStatus =
  'scheduled' | 'recording' | 'processing' | 'drafted' | 'signed' | 'failed';

export type NoteStatus = 'draft' | 'edited' | 'signed' | 'amended';

export interface SessionSummary {
  id: string;
  appointmentId: string;
  clientId: string;
  clientLabel: string;
  status: SessionStatus;
  scheduledStart: string;
  scheduledEnd: string;
  modality: Appointment['modality'];
  noteStatus: NoteStatus | null;
}

export interface NoteVersionView {
  version: number;
  status: NoteStatus;
  draft: Draft;
  createdAt: string;
  signedBy?: string;
  signedAt?: string;
  amendmentReason?: string;
  cosignedBy?: string[];
}

export interface BillingView {
  minutes: number;
  suggestion: BillingSuggestion;
  documentation: DocumentationCheck | null;
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
export interface SessionDetail {
  summary: SessionSummary;
  appointment: Appointment;
  transcript: Transcript | null;
  assessments: AssessmentResult[];
  riskFlags: RiskFlag[];
  note: NoteVersionView | null;
  versions: NoteVersionView[];
  billing: BillingView | null;
  deliveries: DeliveryView[];
}

/** The billing screen's data: codes, claim and delivery, nothing clinical. */
export interface BillingDetail {
  summary: SessionSummary;
  billing: BillingView | null;
  noteStatus: NoteStatus | null;
  deliveries: DeliveryView[];
}

export interface ProcessOptions {
  format: NoteFormat;
  engine: DraftEngine;
  /** Stereo channel roles, left first; default microphone then system audio. */
  channels?: ('mic' | 'system')[];
  signal?: AbortSignal;
  onProgress?: (step: PipelineStep, fraction: number) => void;
}

/** The steps of the main job, in order; failures name one of these. */
export const PIPELINE_STEPS = [
  'decode',
  'transcribe',
  'assess',
  'draft',
  'bill',
  'claim',
  'save',
  'sign',
  'deliver',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/**
 * The session workflow as every front end sees it (desktop app, browser
 * bridge, CLI). Implemented by `createSessionService` in sessionService.ts.
 */
export interface SessionService {
  listSessions(): SessionSummary[];
  /** Today's appointments from schedule sync plus ad-hoc ones. */
  listAppointments(day?: string): Appointment[];
  createSession(appointment: Appointment): SessionSummary;
  /**
   * Runs the main job on a recording made elsewhere (Zoom's local file, a
   * phone) for an existing session; the bytes never rest unencrypted.
   */
  importRecording(
    sessionId: string,
    file: { name: string; bytes: Buffer },
    options: ProcessOptions,
  ): Promise<SessionDetail>;
  /**
   * The main job for a recording made elsewhere: decodes first and creates
   * the session only once the audio is readable, so a corrupt file leaves
   * nothing half-written.
   */
  processRecording(
    appointment: Appointment,
    recordingPath: string,
    options: ProcessOptions,
  ): Promise<SessionDetail>;
  getSession(sessionId: string): SessionDetail;
  /** What a biller may see: no transcript, no note narrative. */
  getBilling(sessionId: string): BillingDetail;
  editNote(sessionId: string, draft: Draft, actorId: string): NoteVersionView;
  signNote(
    sessionId: string,
    signer: { id: string; name: string },
  ): NoteVersionView;
  amendNote(
    sessionId: string,
    draft: Draft,
    reason: string,
    actorId: string,
  ): NoteVersionView;
  /**
   * Drafts the unsigned note again from the stored transcript, as a new
   * version: the whole note in another template, or one section anew.
   */
  redraftNote(
    sessionId: string,
    request: RedraftRequest,
    actorId: string,
  ): Promise<NoteVersionView>;
  /**
   * A stretch of the session's recording (a sentence's evidence) while
   * retention keeps the audio; `not_found` once it is destroyed.
   */
  evidenceAudio(
    sessionId: string,
    range: { start: number; end: number },
  ): AudioClip;
  /** A supervisor attests the signed note; the note itself is unchanged. */
  cosignNote(
    sessionId: string,
    cosigner: { id: string; name: string },
  ): NoteVersionView;
  /**
   * Saves instrument answers the clinician entered during the session (a
   * form, so confirmed by them) and the risk flags they raise (PHQ-9
   * item 9 above 0, whatever the total).
   */
  recordAssessment(
    sessionId: string,
    entry: { instrumentId: string; answers: (number | null)[] },
    actorId: string,
  ): { assessment: AssessmentResult; flags: RiskFlag[] };
  /** Queues delivery of a signed session to the practice's EHR connector. */
  deliver(sessionId: string): Promise<DeliveryView[]>;
  listDeliveries(): DeliveryView[];
  close(): Promise<void>;
}
