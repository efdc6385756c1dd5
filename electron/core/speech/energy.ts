import { SAMPLE_RATE } from './decode';

/** Analysis frames for energy comparisons: 32 ms, the same grid as the VAD. */
export const ENERGY_FRAME = 512;

/** Root-mean-square level of a span of samples (0..1 full scale). */
export function rms(
  samples: Float32Array,
  from = 0,
  to = samples.length,
): number {
  let sum = 0;
  const end = Math.min(to, samples.length);
  for (let i = Math.max(0, from); i < end; i++) sum += (samples[i] ?? 0) ** 2;
  return end > from ? Math.sqrt(sum / (end - from)) : 0;
}

/** RMS per 32 ms frame. */
export function frameRms(samples: Float32Array): Float32Array {
  const count = Math.floor(samples.length / ENERGY_FRAME);
  const out = new Float32Array(count);
  for (let f = 0; f < count; f++)
    out[f] = rms(samples, f * ENERGY_FRAME, (f + 1) * ENERGY_FRAME);
  return out;
}

export function secondsToSample(sec: number): number {
  return Math.round(sec * SAMPLE_RATE);
}

/**
 * True when two channels carry the same signal (a stereo export of a mono
 * mix): then roles cannot come from channels and the pipeline downmixes.
 */
export function channelsIdentical(a: Float32Array, b: Float32Array): boolean {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 4) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return na === nb;
  return dot / Math.sqrt(na * nb) > 0.98;
}

export function downmix(channels: Float32Array[]): Float32Array {
  const out = new Float32Array(channels[0]?.length ?? 0);
  for (const channel of channels) {
    for (let i = 0; i < out.length; i++)
      out[i] = (out[i] ?? 0) + (channel[i] ?? 0) / channels.length;
  }
  return out;
}
