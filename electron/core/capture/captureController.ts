import type {
  CaptureChannel,
  CaptureStatus,
  ConsentMeans,
  DegradedReason,
} from '../../contract/captureContract';
import { AppError, toErrorInfo } from '../../contract/errors';
import type { EventBus } from '../app/events';
import { log } from '../log/logger';
import type { AudioSource } from './audioSource';
import { CaptureMachine } from './captureMachine';
import type { CaptureSink } from './captureSink';
import { Interleaver } from './interleaver';
import type { LiveTranscript } from './liveTranscript';
import { meterLevel, rmsOf, SilenceWatch } from './levels';

export interface CaptureDeps {
  /** A fresh source for each recording (platform code). */
  source: () => AudioSource;
  /** Where the recording spools from the first second. */
  sink: (sessionId: string) => CaptureSink;
  events: EventBus;
  /** The practice requires a consent record before capture (default). */
  consentRequired: boolean;
  /** Records who consented and how (the audit trail). */
  recordConsent: (sessionId: string, means: ConsentMeans) => void;
  /** Hands the saved recording to the main job; returns its job id. */
  onSaved: (
    sessionId: string,
    recording: { name: string; bytes: Buffer },
  ) => string | null;
  /**
   * The live transcript for a new recording (the streaming pipeline, or
   * none when no speech model is loaded); it never holds up capture.
   */
  live?: (sessionId: string) => LiveTranscript | undefined;
  now?: () => number;
  /** How often status (levels, timer) is pushed while recording. */
  statusEveryMs?: number;
}

/** Half a second: more than reader jitter, less than a word. */
const MAX_LAG_FRAMES = 8000;
const DEVICE_NOTICE_SEC = 5;

/**
 * One live recording at a time: consent, the state machine, levels and the
 * silent-channel alert, spooling and, on stop, handing the recording to the
 * main job. Audio keeps spooling whatever else fails.
 */
export class CaptureController {
  private readonly machine = new CaptureMachine();
  private readonly watch = new SilenceWatch();
  private readonly now: () => number;
  private session: string | null = null;
  private consent: ConsentMeans | null = null;
  private degraded: DegradedReason | null = null;
  private degradedAt = 0;
  private error: string | null = null;
  private levels: Record<CaptureChannel, number> = { mic: 0, system: 0 };
  private source: AudioSource | undefined;
  private sink: CaptureSink | undefined;
  private live: LiveTranscript | undefined;
  private joiner = new Interleaver(MAX_LAG_FRAMES);
  private recordedFrames = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CaptureDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The live transcript of the current (or last) recording, if any. */
  transcript(): LiveTranscript | undefined {
    return this.live;
  }

  status(): CaptureStatus {
    return {
      sessionId: this.session,
      state: this.machine.state,
      degraded: this.degraded,
      elapsedSec: this.recordedFrames / 16_000,
      levels: { ...this.levels },
      silent:
        this.machine.state === 'recording'
          ? this.watch.silent(this.seconds())
          : null,
      consent: this.consent,
      error: this.error,
      liveTranscript: !this.live
        ? 'off'
        : this.live.healthy
          ? 'running'
          : 'failed',
    };
  }

  async start(
    sessionId: string,
    consent: ConsentMeans | undefined,
  ): Promise<CaptureStatus> {
    if (this.deps.consentRequired && !consent) {
      throw new AppError(
        'invalid_request',
        'Record the client’s consent to recording before capture starts.',
      );
    }
    this.machine.to('preparing');
    this.reset(sessionId, consent ?? null);
    if (consent) this.deps.recordConsent(sessionId, consent);

    try {
      this.sink = this.deps.sink(sessionId);
      this.source = this.deps.source();
      this.listen(this.source);
      await this.source.start();
    } catch (error) {
      this.fail(error);
      throw error instanceof AppError
        ? error
        : new AppError('capture_failed', 'Audio capture could not start.');
    }
    this.live = this.startLive(sessionId);
    this.machine.to('recording');
    this.watch.reset(this.seconds());
    this.timer = setInterval(() => this.push(), this.deps.statusEveryMs ?? 250);
    log().info('capture.started', {
      sessionId,
      consent: consent ?? 'not_required',
    });
    return this.pushed();
  }

  pause(sessionId: string): CaptureStatus {
    this.requireSession(sessionId);
    this.machine.to('paused');
    return this.pushed();
  }

  resume(sessionId: string): CaptureStatus {
    this.requireSession(sessionId);
    this.machine.to('recording');
    this.watch.reset(this.seconds());
    return this.pushed();
  }

  /** Stops, saves the spool as one recording and starts the main job. */
  async stop(
    sessionId: string,
  ): Promise<CaptureStatus & { jobId: string | null }> {
    this.requireSession(sessionId);
    this.machine.to('finalizing');
    this.push();
    clearInterval(this.timer);
    this.live?.stop();
    await this.source?.stop();
    this.sink?.write(this.joiner.drain());

    const bytes = this.sink?.finish() ?? Buffer.alloc(0);
    this.machine.to('saved');
    log().info('capture.saved', {
      sessionId,
      seconds: Math.round(this.recordedFrames / 16_000),
    });
    const jobId = this.deps.onSaved(sessionId, {
      name: `capture-${sessionId}.wav`,
      bytes,
    });
    return { ...this.pushed(), jobId };
  }

  private startLive(sessionId: string): LiveTranscript | undefined {
    try {
      return this.deps.live?.(sessionId);
    } catch (error) {
      log().warn('capture.live_unavailable', { sessionId, error });
      return undefined;
    }
  }

  private reset(sessionId: string, consent: ConsentMeans | null): void {
    this.session = sessionId;
    this.consent = consent;
    this.degraded = null;
    this.error = null;
    this.levels = { mic: 0, system: 0 };
    this.joiner = new Interleaver(MAX_LAG_FRAMES);
    this.recordedFrames = 0;
    this.live?.stop();
    this.live = undefined;
  }

  private listen(source: AudioSource): void {
    source.on('chunk', ({ channel, pcm }) => this.onChunk(channel, pcm));
    source.on('device', () => this.setDegraded('device_changed'));
    source.on('restarting', () => this.setDegraded('source_restarting'));
    source.on('error', (error) => {
      log().error('capture.source_failed', { sessionId: this.session, error });
      this.error = toErrorInfo(error).message;
      this.push();
    });
  }

  /** Paused audio is dropped on purpose: the clinician paused the record. */
  private onChunk(channel: CaptureChannel, pcm: Int16Array): void {
    if (this.machine.state !== 'recording') return;
    const rms = rmsOf(pcm);
    this.levels[channel] = meterLevel(rms);
    this.watch.observe(channel, rms, this.seconds());

    this.joiner.push(channel, pcm);
    this.live?.push(channel, pcm);
    const frames = this.joiner.take();
    this.recordedFrames += frames.length / 2;
    if (frames.length > 0) this.sink?.write(frames);
  }

  private setDegraded(reason: DegradedReason): void {
    this.degraded = reason;
    this.degradedAt = this.seconds();
    this.push();
  }

  private fail(error: unknown): void {
    this.error = toErrorInfo(error).message;
    this.machine.to('failed');
    this.push();
  }

  private requireSession(sessionId: string): void {
    if (this.session !== sessionId)
      throw new AppError('conflict', 'Another session is being recorded.');
  }

  private seconds(): number {
    return this.now() / 1000;
  }

  private pushed(): CaptureStatus {
    const status = this.status();
    this.deps.events.emit('capture', status);
    return status;
  }

  /**
   * Pushes status; the silent channel, when any, shows as `degraded` too.
   * A device change is shown for a few seconds, then cleared.
   */
  private push(): void {
    const transient =
      this.degraded === 'device_changed' ||
      this.degraded === 'source_restarting';
    if (transient && this.seconds() - this.degradedAt > DEVICE_NOTICE_SEC)
      this.degraded = null;
    const status = this.status();
    if (status.silent && !this.degraded)
      this.degraded = status.silent === 'mic' ? 'mic_silent' : 'system_silent';
    if (
      !status.silent &&
      (this.degraded === 'mic_silent' || this.degraded === 'system_silent')
    )
      this.degraded = null;
    this.deps.events.emit('capture', { ...status, degraded: this.degraded });
  }
}
