import { isAppError } from '../../contract/errors';
import type { FailedRegion, Role, Segment } from '../domain/transcript';
import { log } from '../log/logger';
import { isTextEcho } from './bleed';
import { rms } from './energy';
import { guardSegment } from './guards';
import type { SttEngine } from './sttEngine';

/** One stretch of one channel, cut out and ready for the recognizer. */
export interface RecognitionJob {
  channel: number;
  role: Role;
  start: number;
  end: number;
  samples: Float32Array;
  /** Mean VAD probability of the region, the base of segment confidence. */
  probability: number;
}

export interface RecognitionOutcome {
  segments: Omit<Segment, 'id'>[];
  failed: FailedRegion | undefined;
}

export interface RecognizeContext {
  engine: SttEngine;
  language: string;
  signal: AbortSignal | undefined;
  /** Client segments so far, for the echo text check on mic segments. */
  clientSegments: () => readonly Segment[];
}

/**
 * Runs the recognizer on one job and applies the guards. A recognizer
 * failure becomes a failed region (coverage is never silent); model and
 * cancellation errors propagate.
 */
export async function recognize(job: RecognitionJob, ctx: RecognizeContext): Promise<RecognitionOutcome> {
  let raw;
  try {
    raw = await ctx.engine.transcribe({
      samples: job.samples, offsetSec: job.start, channel: job.channel,
      language: ctx.language, ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    if (isAppError(error)) throw error;
    log().warn('stt.region_failed', { channel: job.channel, start: job.start });
    return { segments: [], failed: failedRegion(job, 'recognizer_error') };
  }

  const segments: Omit<Segment, 'id'>[] = [];
  for (const s of raw) {
    const segment = toSegment(job, s.start, s.end, s.text, ctx);
    if (segment) segments.push(segment);
  }
  const unheard = segments.length === 0 && raw.length === 0 && job.probability >= 0.8
    && job.end - job.start >= 1.5;
  return { segments, failed: unheard ? failedRegion(job, 'no_text') : undefined };
}

function toSegment(job: RecognitionJob, relStart: number, relEnd: number, raw: string,
  ctx: RecognizeContext): Omit<Segment, 'id'> | undefined {
  const start = Math.min(job.end, job.start + Math.max(0, relStart));
  const end = Math.max(start, Math.min(job.end, job.start + relEnd));
  const level = rms(job.samples, Math.round((start - job.start) * 16000), Math.round((end - job.start) * 16000));
  const verdict = guardSegment(raw, level);
  if (!verdict.text) {
    log().debug('stt.segment_dropped', { channel: job.channel, reason: verdict.reason ?? 'empty' });
    return undefined;
  }
  if (job.role === 'clinician' && isTextEcho(verdict.text, { start, end }, ctx.clientSegments())) {
    log().debug('stt.segment_dropped', { channel: job.channel, reason: 'echo_text' });
    return undefined;
  }

  // TODO(#4): the binding returns no token probabilities, so confidence is the
  // VAD's speech probability scaled down by the guards, not the decoder's.
  const confidence = Math.round(job.probability * verdict.penalty * 100) / 100;
  return { start, end, role: job.role, channel: job.channel, text: verdict.text, confidence };
}

function failedRegion(job: RecognitionJob, reason: string): FailedRegion {
  return { start: job.start, end: job.end, channel: job.channel, reason };
}
