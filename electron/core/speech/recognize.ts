import { isAppError } from '../../contract/errors';
import type { FailedRegion, Role, Segment } from '../domain/transcript';
import { log } from '../log/logger';
import { isTextEcho } from './bleed';
import { rms } from './energy';
import { guardSegment } from './guards';
import type { PackedSpan, SttEngine, SttSegment } from './sttEngine';

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
  failed: FailedRegion[];
}

export interface RecognizeContext {
  engine: SttEngine;
  language: string;
  signal: AbortSignal | undefined;
  /** Client segments so far, for the echo text check on mic segments. */
  clientSegments: () => readonly Segment[];
}

/** Silence between packed regions: enough for Whisper to end a sentence. */
const GAP_SEC = 0.4;
/** Whisper encodes 30 s windows whatever the input; pack regions up to this. */
export const WINDOW_SEC = 28;

/**
 * Runs the recognizer once over several regions of one channel, packed into
 * one window (Whisper pays for a full 30 s encode per call), maps times back
 * and applies the guards. A recognizer failure becomes failed regions
 * (coverage is never silent); model and cancellation errors propagate.
 */
export async function recognizeWindow(
  jobs: RecognitionJob[],
  ctx: RecognizeContext,
): Promise<RecognitionOutcome> {
  const [first] = jobs;
  if (!first) return { segments: [], failed: [] };
  const { samples, spans } = pack(jobs);
  let raw;
  try {
    raw = await ctx.engine.transcribe({
      samples,
      spans,
      offsetSec: first.start,
      channel: first.channel,
      language: ctx.language,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    if (isAppError(error)) throw error;
    log().warn('stt.window_failed', {
      channel: first.channel,
      regions: jobs.length,
    });
    return {
      segments: [],
      failed: jobs.map((j) => failedRegion(j, 'recognizer_error')),
    };
  }

  const segments: Omit<Segment, 'id'>[] = [];
  const heard = new Set<number>();
  for (const piece of raw.flatMap((s) => splitAcrossSpans(s, spans))) {
    const index = spanIndex(spans, (piece.start + piece.end) / 2);
    const job = jobs[index];
    const span = spans[index];
    if (!job || !span) continue;
    heard.add(index);
    const segment = toSegment(
      job,
      span,
      piece.start,
      piece.end,
      piece.text,
      ctx,
    );
    if (segment) segments.push(segment);
  }
  const failed = jobs
    .filter(
      (j, i) => !heard.has(i) && j.probability >= 0.8 && j.end - j.start >= 1.5,
    )
    .map((j) => failedRegion(j, 'no_text'));
  return { segments, failed };
}

function pack(jobs: RecognitionJob[]): {
  samples: Float32Array;
  spans: PackedSpan[];
} {
  const gap = Math.round(GAP_SEC * 16000);
  const total = jobs.reduce((n, j) => n + j.samples.length + gap, 0);
  const samples = new Float32Array(total);
  const spans: PackedSpan[] = [];
  let at = 0;
  for (const job of jobs) {
    samples.set(job.samples, at);
    spans.push({ at: at / 16000, start: job.start, end: job.end });
    at += job.samples.length + gap;
  }
  return { samples, spans };
}

/**
 * Whisper may return one segment over several packed regions ("More than
 * half. Nearly every day."), which would put every word at one region's
 * time. Such a segment is cut at sentence ends and each sentence is placed
 * by its character position in the segment (speech rate taken as even);
 * neighbouring sentences that land in the same region stay together.
 */
export function splitAcrossSpans(
  segment: SttSegment,
  spans: readonly PackedSpan[],
): SttSegment[] {
  const parts = segment.text.match(/[^.!?]+[.!?]*/g) ?? [];
  const first = spanIndex(spans, segment.start);
  const last = spanIndex(spans, Math.max(segment.start, segment.end - 0.01));
  if (parts.length < 2 || first === last) return [segment];

  const total = parts.reduce((n, part) => n + part.length, 0);
  const secPerChar = (segment.end - segment.start) / total;
  const pieces: (SttSegment & { span: number })[] = [];
  let at = 0;
  for (const part of parts) {
    const start = segment.start + at * secPerChar;
    const end = start + part.length * secPerChar;
    at += part.length;
    const span = spanIndex(spans, (start + end) / 2);
    const previous = pieces.at(-1);
    if (previous?.span === span) {
      previous.text += part;
      previous.end = end;
    } else pieces.push({ start, end, text: part, span });
  }
  return pieces.map(({ start, end, text }) => ({ start, end, text }));
}

function spanIndex(spans: readonly PackedSpan[], bufferSec: number): number {
  let index = 0;
  for (const [i, span] of spans.entries()) if (span.at <= bufferSec) index = i;
  return index;
}

function toSegment(
  job: RecognitionJob,
  span: PackedSpan,
  relStart: number,
  relEnd: number,
  raw: string,
  ctx: RecognizeContext,
): Omit<Segment, 'id'> | undefined {
  const start = Math.min(
    job.end,
    Math.max(job.start, span.start + relStart - span.at),
  );
  const end = Math.max(start, Math.min(job.end, span.start + relEnd - span.at));
  const level = rms(
    job.samples,
    Math.round((start - job.start) * 16000),
    Math.round((end - job.start) * 16000),
  );
  const verdict = guardSegment(raw, level);
  if (!verdict.text) {
    log().debug('stt.segment_dropped', {
      channel: job.channel,
      reason: verdict.reason ?? 'empty',
    });
    return undefined;
  }
  if (
    job.role === 'clinician' &&
    isTextEcho(verdict.text, { start, end }, ctx.clientSegments())
  ) {
    log().debug('stt.segment_dropped', {
      channel: job.channel,
      reason: 'echo_text',
    });
    return undefined;
  }

  // TODO(#4): the binding returns no token probabilities, so confidence is the
  // VAD's speech probability scaled down by the guards, not the decoder's.
  const confidence = Math.round(job.probability * verdict.penalty * 100) / 100;
  return {
    start,
    end,
    role: job.role,
    channel: job.channel,
    text: verdict.text,
    confidence,
  };
}

function failedRegion(job: RecognitionJob, reason: string): FailedRegion {
  return { start: job.start, end: job.end, channel: job.channel, reason };
}
