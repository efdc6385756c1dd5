import { z } from 'zod';
import type { Reply } from './errors';
import {
  addUserSchema,
  breakGlassSchema,
  loginSchema,
  setUserDisabledSchema,
  setupSchema,
  unlockSchema,
  type AuthStatusView,
  type BillingDetailView,
  type UserView,
} from './authContract';
import {
  captureRefSchema,
  captureStartSchema,
  type CaptureStatus,
} from './captureContract';
import {
  modelCancelSchema,
  modelEnsureSchema,
  modelImportSchema,
  retentionSchema,
  type ConnectionTestView,
  type ModelImportedView,
  type RetentionView,
} from './adminContract';
import {
  liveRefSchema,
  recordAssessmentSchema,
  type InstrumentView,
  type LiveTranscriptView,
  type RecordedAssessmentView,
} from './liveContract';
import {
  audioClipSchema,
  auditQuerySchema,
  createSessionSchema,
  draftSchema,
  importSchema,
  redraftSchema,
  type AudioClipView,
  type AuditView,
  type JobEvent,
  type JobStarted,
  type ModelView,
  type SettingsView,
} from './sessionContract';
import type {
  AppointmentView,
  DeliveryView,
  NoteVersionView,
  RiskFlagView,
  SegmentView,
  SessionDetailView,
  SessionSummaryView,
} from './views';

/**
 * The one typed contract between the renderer and the core. Each channel maps
 * to a zod schema for its request (validated on every call entering the core)
 * and a response type. The main-process registry, the preload bridge, the
 * browser bridge and the renderer client are all derived from this object,
 * so renaming a channel breaks the build everywhere it is used.
 */
interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: carries the response type only. */
  response?: Res;
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({
    request,
  });
}

const empty = z.object({}).strict();
const id = z.string().min(1).max(200);
const sessionRef = z.object({ sessionId: id }).strict();

export interface AppInfo {
  version: string;
  mode: 'electron' | 'bridge';
  platform: string;
}

export const contract = {
  'app:info': channel<AppInfo>()(empty),
  'app:echo': channel<{ text: string }>()(
    z.object({ text: z.string().max(200) }).strict(),
  ),
  'appointments:today': channel<AppointmentView[]>()(
    z.object({ day: z.iso.date().optional() }).strict(),
  ),
  'session:list': channel<SessionSummaryView[]>()(empty),
  'session:create': channel<SessionSummaryView>()(createSessionSchema),
  'session:get': channel<SessionDetailView>()(sessionRef),
  /** Attaches a recording made elsewhere and starts processing it. */
  'session:import': channel<JobStarted>()(importSchema),
  'session:deliver': channel<DeliveryView[]>()(sessionRef),
  'job:cancel': channel<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1) }).strict(),
  ),
  'note:edit': channel<NoteVersionView>()(
    z.object({ sessionId: id, draft: draftSchema }).strict(),
  ),
  'note:sign': channel<NoteVersionView>()(sessionRef),
  'note:amend': channel<NoteVersionView>()(
    z
      .object({
        sessionId: id,
        draft: draftSchema,
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
  ),
  'outbox:list': channel<DeliveryView[]>()(empty),
  'capture:status': channel<CaptureStatus>()(empty),
  'capture:start': channel<CaptureStatus>()(captureStartSchema),
  'capture:pause': channel<CaptureStatus>()(captureRefSchema),
  'capture:resume': channel<CaptureStatus>()(captureRefSchema),
  /** Stops, saves the recording and starts processing it (a job). */
  'capture:stop': channel<CaptureStatus & { jobId: string | null }>()(
    captureRefSchema,
  ),
  /** What the live pipeline has heard of the recording so far (catch-up). */
  'capture:live': channel<LiveTranscriptView>()(liveRefSchema),
  /** Quick-entry instruments (PHQ-9, GAD-7), from resources/instruments. */
  'assessment:instruments': channel<InstrumentView[]>()(empty),
  /** Saves the clinician's answers to an instrument for the session. */
  'assessment:record': channel<RecordedAssessmentView>()(
    recordAssessmentSchema,
  ),
  'audit:list': channel<AuditView[]>()(auditQuerySchema),
  'models:list': channel<ModelView[]>()(empty),
  'settings:get': channel<SettingsView>()(empty),
  /** Administrator or owner: the practice's default retention policy. */
  'settings:retention': channel<RetentionView>()(retentionSchema),
  /** Administrator or owner: downloads a manifest model (sha256 pinned). */
  'models:ensure': channel<ModelView[]>()(modelEnsureSchema),
  /** Administrator or owner: installs a model file the practice has. */
  'models:import': channel<ModelImportedView>()(modelImportSchema),
  /** Administrator or owner: stops a `models:ensure` download (resumable). */
  'models:cancel': channel<{ cancelled: boolean }>()(modelCancelSchema),
  /** Checks the configured EHR connector (FHIR: GET metadata); audited. */
  'ehr:test': channel<ConnectionTestView>()(empty),
  'session:billing': channel<BillingDetailView>()(sessionRef),
  'note:cosign': channel<NoteVersionView>()(sessionRef),
  'auth:status': channel<AuthStatusView>()(empty),
  'auth:setup': channel<AuthStatusView>()(setupSchema),
  'auth:login': channel<AuthStatusView>()(loginSchema),
  'auth:logout': channel<AuthStatusView>()(empty),
  'auth:lock': channel<AuthStatusView>()(empty),
  'auth:unlock': channel<AuthStatusView>()(unlockSchema),
  'auth:breakGlass': channel<AuthStatusView>()(breakGlassSchema),
  'users:list': channel<UserView[]>()(empty),
  'users:add': channel<UserView>()(addUserSchema),
  /** Administrator or owner: disables or re-enables an account; audited. */
  'users:setDisabled': channel<UserView>()(setUserDisabledSchema),
  /** The unsigned note drafted again: another template, or one section. */
  'note:redraft': channel<NoteVersionView>()(redraftSchema),
  /** A stretch of the session's recording (evidence playback) as a WAV. */
  'session:audioClip': channel<AudioClipView>()(audioClipSchema),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<
  Contract[C]['request']
>;
export type ResponseOf<C extends Channel> = NonNullable<
  Contract[C]['response']
>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** `session:start` becomes `sessionStart`: the preload's function names. */
export function methodName(name: Channel): string {
  return name.replace(/[:-](\w)/g, (_, c: string) => c.toUpperCase());
}

/** What the preload and the browser bridge both expose to the renderer. */
export type Transport = (
  channel: Channel,
  request: unknown,
) => Promise<Reply<unknown>>;

/** Server-pushed events (progress, live transcript), by name. */
export interface EventMap {
  progress: {
    jobId: string;
    step: string;
    fraction: number;
    /** Downloads (`model:NAME` jobs): bytes so far and in all. */
    receivedBytes?: number;
    totalBytes?: number;
  };
  /** A background job (import, processing) ended; `error` when it failed. */
  job: JobEvent;
  /** Capture state and levels, a few times a second while recording. */
  capture: CaptureStatus;
  /** A finalized live-transcript segment, with its role. */
  segment: { sessionId: string; segment: SegmentView };
  /** The tray menu or global shortcut asked to toggle recording. */
  shortcut: { action: 'toggle-recording' };
  /** A risk flag raised during a live session. */
  risk: { sessionId: string; flag: RiskFlagView };
}

export type * from './sessionContract';
export type * from './views';
export type * from './captureContract';
export type * from './liveContract';
export type * from './adminContract';
export type * from './authContract';
export { PUBLIC_CHANNELS } from './authContract';
export type EventName = keyof EventMap;
