import type { CaptureChannel } from '../../contract/captureContract';
import type { Segment } from '../domain/transcript';
import { log } from '../log/logger';
import { detectRiskFlags } from '../risk/detect';
import type { RiskFlag } from '../risk/types';

/**
 * What live capture needs of the streaming pipeline: {@link LiveTranscriber}
 * satisfies it, and a deterministic fake stands in for UI tests.
 */
export interface SegmentStream {
  /** Appends 16 kHz float audio to one channel (0 mic, 1 system audio). */
  push(channel: number, samples: Float32Array): Promise<void>;
  on(event: 'segment', listener: (segment: Segment) => void): unknown;
  /** Frees the engines once the recording stops. */
  close?(): Promise<void>;
}

export interface LiveTranscriptEvents {
  segment: (segment: Segment) => void;
  /** A risk type heard for the first time in this session. */
  risk: (flag: RiskFlag) => void;
}

/** Channel order of the saved recording and of the roles: mic left. */
const CHANNEL_INDEX: Record<CaptureChannel, number> = { mic: 0, system: 1 };

/**
 * The live transcript of one recording: captured chunks go to the
 * streaming pipeline, finalized segments come back with their role, and
 * the risk detector runs over the client's words as they arrive. A
 * recognition failure ends the live transcript only; the recording goes
 * on and the main job transcribes the saved file afterwards.
 */
export class LiveTranscript {
  readonly segments: Segment[] = [];
  readonly flags: RiskFlag[] = [];
  private readonly stream: Promise<SegmentStream>;
  private queue: Promise<void>;
  private stopped = false;
  private closed = false;
  private failed = false;

  /** `stream` may still be loading (the model); audio queues meanwhile. */
  constructor(
    readonly sessionId: string,
    stream: SegmentStream | Promise<SegmentStream>,
    private readonly events: LiveTranscriptEvents,
  ) {
    this.stream = Promise.resolve(stream);
    this.queue = this.stream.then(
      (ready) => {
        ready.on('segment', (segment) => this.onSegment(segment));
      },
      (error: unknown) => this.fail(error),
    );
  }

  /** Queues a chunk; pushes stay in order so the VAD sees a steady stream. */
  push(channel: CaptureChannel, pcm: Int16Array): void {
    if (this.stopped) return;
    const samples = toFloat(pcm);
    this.queue = this.queue
      .then(async () => {
        if (this.stopped) return;
        await (await this.stream).push(CHANNEL_INDEX[channel], samples);
      })
      .catch((error: unknown) => this.fail(error));
  }

  /** Stops listening; the saved recording is transcribed in full later. */
  stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopped = true;
    this.queue = this.queue
      .then(async () => (await this.stream).close?.())
      .catch((error: unknown) => {
        log().warn('capture.live_close_failed', {
          sessionId: this.sessionId,
          error: error instanceof Error ? error : null,
        });
      });
  }

  /** False once recognition failed; the recording is unaffected. */
  get healthy(): boolean {
    return !this.failed;
  }

  /** Resolves once every queued chunk has reached the pipeline. */
  settled(): Promise<void> {
    return this.queue;
  }

  private onSegment(segment: Segment): void {
    if (this.stopped) return;
    this.segments.push(segment);
    this.events.segment(segment);
    if (segment.role === 'client') this.detectRisk();
  }

  /** Whole-transcript detection: denials and answers need their context. */
  private detectRisk(): void {
    const known = new Set(this.flags.map((f) => f.type));
    for (const flag of detectRiskFlags(this.segments)) {
      if (known.has(flag.type)) continue;
      known.add(flag.type);
      this.flags.push(flag);
      this.events.risk(flag);
    }
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.failed = true;
    log().warn('capture.live_transcript_failed', {
      sessionId: this.sessionId,
      error: error instanceof Error ? error : null,
    });
  }
}

function toFloat(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = (pcm[i] ?? 0) / 32768;
  return out;
}
