import { SAMPLE_RATE } from './decode';

/**
 * A growing window of one channel's samples, addressed by absolute time.
 * Old audio is dropped with `trimBefore` so a long live session keeps only
 * what pending regions still need.
 */
export class ChannelBuffer {
  private data = new Float32Array(SAMPLE_RATE * 30);
  private length = 0;
  /** Absolute index of data[0]. */
  private origin = 0;

  /** Absolute end, in seconds. */
  get endSec(): number {
    return (this.origin + this.length) / SAMPLE_RATE;
  }

  append(samples: Float32Array): void {
    if (this.length + samples.length > this.data.length) {
      const grown = new Float32Array(
        Math.max(this.data.length * 2, this.length + samples.length),
      );
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(samples, this.length);
    this.length += samples.length;
  }

  /** A copy of [startSec, endSec), clamped to what is still held. */
  slice(startSec: number, endSec: number): Float32Array {
    const from = Math.max(0, Math.round(startSec * SAMPLE_RATE) - this.origin);
    const to = Math.min(
      this.length,
      Math.round(endSec * SAMPLE_RATE) - this.origin,
    );
    return to > from ? this.data.slice(from, to) : new Float32Array(0);
  }

  trimBefore(sec: number): void {
    const drop = Math.min(
      this.length,
      Math.round(sec * SAMPLE_RATE) - this.origin,
    );
    if (drop <= SAMPLE_RATE * 10) return; // trim in big steps: copying is not free
    this.data.copyWithin(0, drop, this.length);
    this.length -= drop;
    this.origin += drop;
  }
}
