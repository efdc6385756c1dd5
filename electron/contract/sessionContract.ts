import { z } from 'zod';
import type { ErrorInfo } from './errors';

/**
 * Request schemas and small view types for the app's session channels
 * (issue #10). The views they return are in views.ts.
 */

const id = z.string().min(1).max(200);

/** Appointment facts a note sentence may restate (mirrors the drafting types). */
export const APPOINTMENT_FIELDS = [
  'date',
  'times',
  'modality',
  'clientLocation',
  'participants',
  'service',
  'diagnoses',
  'goals',
] as const;
export type AppointmentFieldView = (typeof APPOINTMENT_FIELDS)[number];

const evidenceSchema = z.union([
  z
    .object({
      segmentIds: z.array(z.string()).max(500),
      start: z.number().nonnegative(),
      end: z.number().nonnegative(),
    })
    .strict(),
  z.object({ appointment: z.enum(APPOINTMENT_FIELDS) }).strict(),
]);

const sentenceSchema = z
  .object({
    id: id,
    text: z.string().max(4000),
    evidence: evidenceSchema,
    lowEvidence: z.boolean().optional(),
  })
  .strict();

/** A note draft as the review screen sends it back after editing. */
export const draftSchema = z
  .object({
    format: z.string().min(1).max(40),
    sections: z
      .array(
        z
          .object({
            id: id,
            title: z.string().max(200),
            sentences: z.array(sentenceSchema).max(500),
          })
          .strict(),
      )
      .max(40),
    noContent: z.boolean().optional(),
    engine: z.enum(['llm', 'rules']),
    model: z.string().max(200).optional(),
    fallbackReason: z.string().max(500).optional(),
    incomplete: z.boolean().optional(),
    stats: z
      .object({
        calls: z.number(),
        failedCalls: z.number(),
        outputTokens: z.number(),
        maxContextTokens: z.number(),
        contextSize: z.number(),
        firstTokenMs: z.number().nullable(),
        promptMs: z.number().optional(),
        llmMs: z.number(),
      })
      .strict()
      .optional(),
  })
  .strict();

const processFields = {
  format: z.string().min(1).max(40).default('soap'),
  engine: z.enum(['llm', 'rules']).default('rules'),
  /** Stereo channel roles, left first. */
  channels: z
    .array(z.enum(['mic', 'system']))
    .min(1)
    .max(2)
    .optional(),
};

/** 48 MiB of base64 keeps the JSON body under the bridge's 64 MiB limit. */
const MAX_BASE64 = 48 * 1024 * 1024;

export const importSchema = z
  .object({
    sessionId: id,
    fileName: z.string().min(1).max(255),
    base64: z.string().min(4).max(MAX_BASE64),
    ...processFields,
  })
  .strict();

/**
 * A session for an appointment from `appointments:today` (same `day`), or,
 * with `adHoc`, an unscheduled session now for that appointment's client;
 * or a session for an appointment brought as a file (an EHR export, the
 * JSON `hushnote process --appointment` reads), validated by the core.
 */
export const createSessionSchema = z.union([
  z
    .object({
      appointmentId: id,
      day: z.iso.date().optional(),
      adHoc: z.boolean().optional(),
    })
    .strict(),
  z.object({ appointment: z.record(z.string(), z.unknown()) }).strict(),
]);

/**
 * Draft the unsigned note again from its transcript: the whole note in
 * `format` (a template switch), or with `sectionId` only that section.
 */
export const redraftSchema = z
  .object({
    sessionId: id,
    format: z.string().min(1).max(40),
    engine: z.enum(['llm', 'rules']).default('rules'),
    sectionId: id.optional(),
  })
  .strict();

/** Seconds into the session's recording; the core returns at most 60 s. */
export const audioClipSchema = z
  .object({
    sessionId: id,
    start: z.number().nonnegative().max(86_400),
    end: z.number().nonnegative().max(86_400),
  })
  .strict()
  .refine((r) => r.end > r.start, {
    error: 'end must be after start',
    path: ['end'],
  });

/** A stretch of the recording to play: a mono WAV file, base64-encoded. */
export interface AudioClipView {
  mimeType: 'audio/wav';
  base64: string;
  /** What the clip covers, after clamping to the recording. */
  start: number;
  end: number;
}

export const auditQuerySchema = z
  .object({
    objectType: z.string().max(60).optional(),
    objectId: z.string().max(200).optional(),
    action: z.string().max(40).optional(),
    actor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** A background job was accepted; follow it with `progress` and `job` events. */
export interface JobStarted {
  jobId: string;
  sessionId: string;
}

export interface JobEvent {
  jobId: string;
  sessionId: string;
  state: 'done' | 'failed' | 'cancelled';
  error?: ErrorInfo;
}

/** One audit row as the Audit screen shows it (ids and kinds only). */
export interface AuditView {
  id: number;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
}

/** One speech model as Settings lists it. */
export interface ModelView {
  name: string;
  file: string;
  sizeBytes: number | null;
  installed: boolean;
  /** A checksum is pinned, so it may be downloaded; else import only. */
  downloadable: boolean;
  path: string;
  licence: string;
  multilingual: boolean;
  /** Fits this machine's memory and cores best among the manifest. */
  recommended: boolean;
}

/** What Settings shows; values come from the practice's configuration. */
export interface SettingsView {
  /** Recording consent must be recorded before capture starts. */
  consentRequired: boolean;
  ehrConnector: string;
  /** The names of the payer profiles under resources/payers. */
  payerProfiles: string[];
  /** The same profiles' telehealth rules, read-only (from the core). */
  payers?: PayerSummaryView[];
  /** Days recordings are kept after the note is signed; null keeps them. */
  retentionDays: number | null;
  /** The recording after signing (present when the core reads the policy). */
  audioOnSign?: 'delete' | 'keep';
  /** The signed-in user may change practice settings and models. */
  canAdminister?: boolean;
  dataDir: string;
  modelsDir: string;
  hardware: { cores: number; memoryGiB: number };
}

/** Where the client was, and how the visit took place, per payer profile. */
export interface PayerPlacementView {
  modality: 'video' | 'audio' | 'in-person';
  location: 'home' | 'other';
  /** CMS place-of-service code, e.g. 10 (home) or 02 (elsewhere). */
  pos: string;
  /** Telehealth modifiers the payer expects (95, 93, FQ, ...). */
  modifiers: string[];
  /** False when the payer does not cover this modality there. */
  allowed: boolean;
  note?: string;
}

/** A payer profile as Settings shows it; billing reads the full file. */
export interface PayerSummaryView {
  name: string;
  displayName: string;
  /** The date the profile's rules apply from (ISO date). */
  effective: string;
  /** 837P SBR09 claim filing indicator (MB, CI, ...). */
  claimFilingIndicator: string;
  placements: PayerPlacementView[];
  /** Set instead of the rules when the profile file is not valid. */
  problem?: string;
}
