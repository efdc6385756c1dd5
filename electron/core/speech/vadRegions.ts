/** A stretch of one channel that the VAD judged to be speech, in seconds. */
export interface SpeechRegion {
  start: number;
  end: number;
  /** Mean Silero speech probability over the region's frames (0..1). */
  probability: number;
}

/**
 * Hysteresis settings for turning per-frame speech probabilities into
 * regions. The defaults follow Silero's own recommendations (threshold 0.5,
 * release 0.15 below it) and were checked on the session fixtures.
 */
export interface VadOptions {
  /** A frame at or above this starts (or continues) speech. */
  positiveThreshold: number;
  /** Speech ends only after frames stay below this for `minSilenceMs`. */
  negativeThreshold: number;
  /** Quiet shorter than this is a pause inside one region, not its end. */
  minSilenceMs: number;
  /** Regions shorter than this (clicks, coughs, keyboard) are dropped. */
  minSpeechMs: number;
  /** Audio kept before and after each region so word edges are not clipped. */
  padMs: number;
  /** Longer regions are cut at their quietest frame so each fits Whisper's 30 s window. */
  maxRegionSec: number;
}

export const DEFAULT_VAD_OPTIONS: VadOptions = {
  positiveThreshold: 0.5,
  negativeThreshold: 0.35,
  minSilenceMs: 500,
  minSpeechMs: 250,
  padMs: 200,
  maxRegionSec: 28,
};

interface OpenRegion {
  first: number;
  probs: number[];
  lastSpeech: number;
  /** False for the tail of a region cut for length: it joins the cut exactly. */
  padStart: boolean;
}

/**
 * Incremental hysteresis over frame probabilities. `push` returns regions
 * that can no longer change (their trailing silence is long enough);
 * `flush` closes whatever is open at the end of the audio.
 */
export class RegionTracker {
  private readonly opts: VadOptions;
  private frame = 0;
  private open: OpenRegion | undefined;

  constructor(
    private readonly frameSec: number,
    options: Partial<VadOptions> = {},
  ) {
    this.opts = { ...DEFAULT_VAD_OPTIONS, ...options };
  }

  /** Seconds of audio consumed so far. */
  get position(): number {
    return this.frame * this.frameSec;
  }

  /** Start of a region still open (padding included), if any. */
  get openStart(): number | undefined {
    if (!this.open) return undefined;
    const pad = this.open.padStart ? this.opts.padMs / 1000 : 0;
    return Math.max(0, this.open.first * this.frameSec - pad);
  }

  push(probs: ArrayLike<number>): SpeechRegion[] {
    const done: SpeechRegion[] = [];
    for (let i = 0; i < probs.length; i++) {
      const region = this.step(probs[i] ?? 0);
      if (region) done.push(region);
      this.frame++;
    }
    return done;
  }

  flush(): SpeechRegion[] {
    const last = this.open
      ? this.closeRange(
          this.open,
          this.open.lastSpeech + 1,
          this.opts.padMs / 1000,
        )
      : undefined;
    this.open = undefined;
    return last ? [last] : [];
  }

  private step(p: number): SpeechRegion | undefined {
    const { positiveThreshold, negativeThreshold, minSilenceMs, maxRegionSec } =
      this.opts;
    if (!this.open) {
      if (p >= positiveThreshold) {
        this.open = {
          first: this.frame,
          probs: [p],
          lastSpeech: this.frame,
          padStart: true,
        };
      }
      return undefined;
    }

    this.open.probs.push(p);
    if (p >= negativeThreshold) this.open.lastSpeech = this.frame;

    const silentSec = (this.frame - this.open.lastSpeech) * this.frameSec;
    if (silentSec * 1000 >= minSilenceMs) {
      const region = this.closeRange(
        this.open,
        this.open.lastSpeech + 1,
        this.opts.padMs / 1000,
      );
      this.open = undefined;
      return region;
    }
    if (this.open.probs.length * this.frameSec >= maxRegionSec)
      return this.cutLong(this.open);
    return undefined;
  }

  /** Splits an over-long region at its quietest frame in the last third. */
  private cutLong(open: OpenRegion): SpeechRegion | undefined {
    const from = Math.floor(open.probs.length * (2 / 3));
    let cut = from;
    for (let i = from; i < open.probs.length; i++) {
      if ((open.probs[i] ?? 1) < (open.probs[cut] ?? 1)) cut = i;
    }

    const region = this.closeRange(open, open.first + cut, 0);
    this.open = {
      first: open.first + cut,
      probs: open.probs.slice(cut),
      lastSpeech: Math.max(open.lastSpeech, open.first + cut),
      padStart: false,
    };
    return region;
  }

  private closeRange(open: OpenRegion, endFrame: number, endPad: number) {
    const durationMs = (endFrame - open.first) * this.frameSec * 1000;
    if (durationMs < this.opts.minSpeechMs) return undefined;

    const probs = open.probs.slice(0, endFrame - open.first);
    const mean =
      probs.reduce((sum, p) => sum + p, 0) / Math.max(1, probs.length);
    const startPad = open.padStart ? this.opts.padMs / 1000 : 0;
    return {
      start: Math.max(0, open.first * this.frameSec - startPad),
      end: endFrame * this.frameSec + endPad,
      probability: mean,
    };
  }
}

/** Batch form of {@link RegionTracker} for a whole channel's probabilities. */
export function regionsFromProbabilities(
  probs: ArrayLike<number>,
  frameSec: number,
  options: Partial<VadOptions> = {},
): SpeechRegion[] {
  const tracker = new RegionTracker(frameSec, options);
  const regions = tracker.push(probs);
  const total = probs.length * frameSec;
  return [...regions, ...tracker.flush()].map((r) => ({
    ...r,
    end: Math.min(r.end, total),
  }));
}
