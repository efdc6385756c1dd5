import { z } from 'zod';

/**
 * Live capture channels (issue #10): two channels, never mixed: the
 * microphone (clinician) and the system audio the video tool plays (client).
 */

/** idle -> preparing -> recording (<-> paused) -> finalizing -> saved. */
export type CaptureState =
  | 'idle'
  | 'preparing'
  | 'recording'
  | 'paused'
  | 'finalizing'
  | 'saved'
  | 'failed';

/** Why a recording goes on in a lesser way; it never stops recording. */
export type DegradedReason =
  'mic_silent' | 'system_silent' | 'device_changed' | 'source_restarting';

export type CaptureChannel = 'mic' | 'system';

/**
 * The live transcript beside a recording: `off` when no speech model is
 * set up for it, `failed` when recognition stopped. Neither stops the
 * recording; the saved file is transcribed in full after stop.
 */
export type LiveTranscriptState = 'running' | 'off' | 'failed';

export const CONSENT_MEANS = ['verbal', 'written', 'portal'] as const;
export type ConsentMeans = (typeof CONSENT_MEANS)[number];

export interface CaptureStatus {
  sessionId: string | null;
  state: CaptureState;
  degraded: DegradedReason | null;
  /** Recorded seconds, pauses excluded. */
  elapsedSec: number;
  /** Recent RMS level per channel, 0..1. */
  levels: Record<CaptureChannel, number>;
  /** A channel silent while the other is active, for 10 s or more. */
  silent: CaptureChannel | null;
  /** How the recording consent was given, once recorded. */
  consent: ConsentMeans | null;
  error: string | null;
  liveTranscript?: LiveTranscriptState;
}

const sessionId = z.string().min(1).max(200);

export const captureStartSchema = z
  .object({
    sessionId,
    /** Required unless the practice turned the consent step off. */
    consent: z.enum(CONSENT_MEANS).optional(),
  })
  .strict();

export const captureRefSchema = z.object({ sessionId }).strict();
