import { EventEmitter } from 'node:events';
import { removeEchoedWords } from './echoWords';
import { AppError } from '../../contract/errors';
import type {
  FailedRegion,
  Role,
  Segment,
  Transcript,
} from '../domain/transcript';
import { ownSpeechSpans } from './bleed';
import { ChannelBuffer } from './channelBuffer';
import { recognizeWindow, WINDOW_SEC, type RecognitionJob } from './recognize';
import type { SttEngine } from './sttEngine';
import { FRAME_SEC, type SileroVad, type VadStream } from './vad';
import {
  RegionTracker,
  type SpeechRegion,
  type VadOptions,
} from './vadRegions';

export interface LiveTranscriberOptions {
  engine: SttEngine;
  vad: SileroVad;
  /** One role per channel, in channel order (from {@link rolesFor}). */
  roles: readonly Role[];
  language?: string;
  vadOptions?: Partial<VadOptions>;
  signal?: AbortSignal;
}

interface LiveEvents {
  segment: [Segment];
  failed: [FailedRegion];
  /** Seconds of the recording recognized so far (the end of the latest window). */
  progress: [number];
}

interface ChannelState {
  role: Role;
  buffer: ChannelBuffer;
  vad: VadStream;
  tracker: RegionTracker;
  pending: SpeechRegion[];
  ended: boolean;
  ownSpeech: boolean;
}

/** How far the other channel must be past a mic region before bleed is judged. */
const LOOKAHEAD_SEC = 0.1;

/**
 * The speech pipeline, fed live: `push` 16 kHz float32 chunks per channel
 * as they are captured, listen for `segment` events as regions finalize,
 * and call `end` for the complete transcript (segments sorted by start).
 *
 * Per channel: Silero VAD, hysteresis into regions, then (for the mic, when
 * a client channel exists) bleed removal, then the recognizer and the
 * hallucination guards. Recognition runs one window at a time, off the
 * `push` path, so capture never waits for Whisper; regions that queue up
 * while it is busy are packed into one window (up to 28 s), so a slow
 * machine catches up instead of falling further behind.
 */
export class LiveTranscriber extends EventEmitter<LiveEvents> {
  private readonly channels: ChannelState[];
  private readonly segments: Segment[] = [];
  private readonly failed: FailedRegion[] = [];
  private readonly queue: RecognitionJob[] = [];
  private work: Promise<void> | undefined;
  private error: Error | undefined;
  private doneUntil = 0;
  private nextId = 0;

  constructor(private readonly options: LiveTranscriberOptions) {
    super();
    this.channels = options.roles.map((role) => ({
      role,
      buffer: new ChannelBuffer(),
      vad: options.vad.createStream(),
      tracker: new RegionTracker(FRAME_SEC, options.vadOptions),
      pending: [],
      ended: false,
      ownSpeech: false,
    }));
  }

  /** Appends captured audio to one channel; resolves once the VAD has seen it. */
  async push(channel: number, samples: Float32Array): Promise<void> {
    const state = this.channel(channel);
    if (state.ended)
      throw new AppError('invalid_request', 'This channel has already ended.');
    state.buffer.append(samples);
    const probs = await state.vad.push(samples);
    state.pending.push(...state.tracker.push(probs));
    this.schedule();
  }

  /** Waits until every region finalized so far has been recognized. */
  async drain(): Promise<void> {
    while (this.work) await this.work;
    if (this.error) throw this.error;
  }

  /** Closes all channels, recognizes what is left and returns the transcript. */
  async end(): Promise<Transcript> {
    for (const state of this.channels) {
      state.ended = true;
      state.pending.push(...state.tracker.flush());
    }
    this.schedule();
    await this.drain();
    return this.transcript();
  }

  private transcript(): Transcript {
    const duration = Math.max(0, ...this.channels.map((c) => c.buffer.endSec));
    // Word-level echo removal needs both channels' text, so it runs last.
    const sorted = removeEchoedWords(this.segments).sort(
      (a, b) => a.start - b.start || a.channel - b.channel,
    );
    return {
      durationSec: duration,
      language: this.options.language ?? 'en',
      segments: sorted,
      failedRegions: [...this.failed].sort((a, b) => a.start - b.start),
      silentChannels: this.channels.flatMap((c, i) => (c.ownSpeech ? [] : [i])),
    };
  }

  private channel(index: number): ChannelState {
    const state = this.channels[index];
    if (!state)
      throw new AppError('invalid_request', `There is no channel ${index}.`);
    return state;
  }

  /** Client regions first, so the echo check on mic text sees them. */
  private schedule(): void {
    const order = [...this.channels.entries()].sort(
      ([, a], [, b]) => rank(a) - rank(b),
    );
    for (const [index, state] of order) {
      for (
        let next = state.pending[0];
        next && this.ready(state, next);
        next = state.pending[0]
      ) {
        state.pending.shift();
        this.enqueue(index, state, next);
      }
    }
    this.trim();
  }

  /** A mic region waits until the client channel is past it and has no region open over it. */
  private ready(state: ChannelState, region: SpeechRegion): boolean {
    if (state.role !== 'clinician') return true;
    return this.clientChannels().every(
      (c) =>
        c.ended ||
        (c.tracker.position >= region.end + LOOKAHEAD_SEC &&
          (c.tracker.openStart ?? Infinity) > region.end &&
          (c.pending[0]?.start ?? Infinity) > region.end),
    );
  }

  private clientChannels(): ChannelState[] {
    return this.channels.filter((c) => c.role === 'client');
  }

  private enqueue(
    index: number,
    state: ChannelState,
    region: SpeechRegion,
  ): void {
    for (const span of this.ownSpans(state, region)) {
      state.ownSpeech = true;
      this.queue.push({
        channel: index,
        role: state.role,
        start: span.start,
        end: span.end,
        samples: state.buffer.slice(span.start, span.end),
        probability: region.probability,
      });
    }
    this.work ??= this.loop().finally(() => {
      this.work = undefined;
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length && !this.error) await this.run(this.takeWindow());
  }

  /** Client regions first (mic text is checked against them), packed per channel. */
  private takeWindow(): RecognitionJob[] {
    const head = this.queue.find((j) => j.role === 'client') ?? this.queue[0];
    const window: RecognitionJob[] = [];
    let seconds = 0;
    for (let i = 0; i < this.queue.length;) {
      const job = this.queue[i];
      if (!job || !head) break;
      const length = job.end - job.start + 0.4;
      if (job.channel !== head.channel) {
        i++;
        continue;
      }
      // A region that does not fit closes the window: packing a later one
      // instead would put the channel's text out of time order.
      if (window.length && seconds + length > WINDOW_SEC) break;
      window.push(job);
      seconds += length;
      this.queue.splice(i, 1);
    }
    return window;
  }

  private ownSpans(state: ChannelState, region: SpeechRegion) {
    const client = this.clientChannels()[0];
    if (state.role !== 'clinician' || !client) return [region];
    const mic = state.buffer.slice(region.start, region.end);
    const system = client.buffer.slice(region.start, region.end);
    return ownSpeechSpans(mic, system, region.start);
  }

  private async run(window: RecognitionJob[]): Promise<void> {
    try {
      const outcome = await recognizeWindow(window, {
        engine: this.options.engine,
        language: this.options.language ?? 'en',
        signal: this.options.signal,
        clientSegments: () => this.segments.filter((s) => s.role === 'client'),
      });
      for (const s of outcome.segments)
        this.emitSegment({ id: `seg-${++this.nextId}`, ...s });
      for (const f of outcome.failed) {
        this.failed.push(f);
        this.emit('failed', f);
      }
      this.doneUntil = Math.max(this.doneUntil, ...window.map((j) => j.end));
      this.emit('progress', this.doneUntil);
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
    }
  }

  private emitSegment(segment: Segment): void {
    this.segments.push(segment);
    this.emit('segment', segment);
  }

  /** Drops audio no pending or open region can still need. */
  private trim(): void {
    const needed = this.channels.map((c) =>
      Math.min(
        c.pending[0]?.start ?? Infinity,
        c.tracker.openStart ?? Infinity,
        c.tracker.position - 1,
      ),
    );
    const keepFrom = Math.min(...needed) - 1;
    for (const c of this.channels) c.buffer.trimBefore(keepFrom);
  }
}

function rank(state: ChannelState): number {
  return state.role === 'client' ? 0 : 1;
}
