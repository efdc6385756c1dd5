import type { CaptureChannel } from '../../contract/captureContract';

/**
 * Joins the two mono channels into stereo frames (microphone left, system
 * audio right, the order `hushnote process` assumes). The channels arrive
 * from separate readers; when one falls behind by more than `maxLagFrames`
 * (a reader restarting after a device change) its gap is filled with
 * silence, so both sides stay aligned in time.
 */
export class Interleaver {
  private readonly queues: Record<CaptureChannel, Int16Array[]> = {
    mic: [],
    system: [],
  };
  private readonly queued: Record<CaptureChannel, number> = {
    mic: 0,
    system: 0,
  };

  constructor(private readonly maxLagFrames: number) {}

  push(channel: CaptureChannel, pcm: Int16Array): void {
    this.queues[channel].push(pcm);
    this.queued[channel] += pcm.length;
  }

  /** Takes every frame both channels can fill; returns interleaved stereo. */
  take(): Int16Array {
    this.padLagging();
    const frames = Math.min(this.queued.mic, this.queued.system);
    const out = new Int16Array(frames * 2);
    const mic = this.read('mic', frames);
    const system = this.read('system', frames);
    for (let i = 0; i < frames; i++) {
      out[i * 2] = mic[i] ?? 0;
      out[i * 2 + 1] = system[i] ?? 0;
    }
    return out;
  }

  /** Everything left, the shorter side padded: the end of a recording. */
  drain(): Int16Array {
    const frames = Math.max(this.queued.mic, this.queued.system);
    for (const channel of ['mic', 'system'] as const) {
      const missing = frames - this.queued[channel];
      if (missing > 0) this.push(channel, new Int16Array(missing));
    }
    return this.take();
  }

  private padLagging(): void {
    const lead = this.queued.mic - this.queued.system;
    if (Math.abs(lead) <= this.maxLagFrames) return;
    const behind: CaptureChannel = lead > 0 ? 'system' : 'mic';
    this.push(behind, new Int16Array(Math.abs(lead) - this.maxLagFrames));
  }

  private read(channel: CaptureChannel, frames: number): Int16Array {
    const out = new Int16Array(frames);
    let filled = 0;
    const queue = this.queues[channel];
    while (filled < frames) {
      const head = queue[0];
      if (!head) break;
      const n = Math.min(head.length, frames - filled);
      out.set(head.subarray(0, n), filled);
      filled += n;
      if (n === head.length) queue.shift();
      else queue[0] = head.subarray(n);
    }
    this.queued[channel] -= filled;
    return out;
  }
}
