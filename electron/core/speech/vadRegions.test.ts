import { describe, expect, it } from 'vitest';
import { RegionTracker, regionsFromProbabilities } from './vadRegions';

const FRAME = 0.032;
/** Builds a probability track from [value, frames] runs. */
function track(...runs: [number, number][]): number[] {
  return runs.flatMap(([p, n]) => Array.from({ length: n }, () => p));
}

describe('regionsFromProbabilities', () => {
  it('finds one padded region around speech', () => {
    const regions = regionsFromProbabilities(
      track([0.1, 50], [0.9, 50], [0.1, 50]),
      FRAME,
    );
    expect(regions).toHaveLength(1);
    expect(regions[0]!.start).toBeCloseTo(50 * FRAME - 0.2, 5);
    expect(regions[0]!.end).toBeCloseTo(100 * FRAME + 0.2, 5);
    expect(regions[0]!.probability).toBeCloseTo(0.9, 5);
  });

  it('keeps a short pause inside one region and splits at a long one', () => {
    const shortPause = track([0.9, 30], [0.1, 10], [0.9, 30], [0.1, 40]);
    expect(regionsFromProbabilities(shortPause, FRAME)).toHaveLength(1);
    const longPause = track([0.9, 30], [0.1, 20], [0.9, 30], [0.1, 40]);
    expect(regionsFromProbabilities(longPause, FRAME)).toHaveLength(2);
  });

  it('uses hysteresis: 0.4 continues speech but cannot start it', () => {
    expect(regionsFromProbabilities(track([0.4, 100]), FRAME)).toHaveLength(0);
    const regions = regionsFromProbabilities(
      track([0.9, 10], [0.4, 60], [0.1, 30]),
      FRAME,
    );
    expect(regions).toHaveLength(1);
    expect(regions[0]!.end).toBeCloseTo(70 * FRAME + 0.2, 5);
  });

  it('drops clicks shorter than the minimum speech length', () => {
    expect(
      regionsFromProbabilities(track([0.1, 20], [0.9, 5], [0.1, 40]), FRAME),
    ).toHaveLength(0);
  });

  it('cuts regions longer than the Whisper window at the quietest frame', () => {
    const long = track([0.9, 600], [0.6, 1], [0.9, 400], [0.1, 40]);
    const regions = regionsFromProbabilities(long, FRAME);
    expect(regions.length).toBeGreaterThanOrEqual(2);
    expect(regions[0]!.end).toBeCloseTo(600 * FRAME, 5);
    expect(regions[1]!.start).toBeCloseTo(600 * FRAME, 5);
    for (const r of regions) expect(r.end - r.start).toBeLessThanOrEqual(28.5);
  });
});

describe('RegionTracker', () => {
  it('finalizes a region only after enough trailing silence, in pushed pieces', () => {
    const tracker = new RegionTracker(FRAME);
    expect(tracker.push(track([0.9, 40]))).toEqual([]);
    expect(tracker.openStart).toBeCloseTo(0, 5);
    expect(tracker.push(track([0.1, 5]))).toEqual([]);
    const done = tracker.push(track([0.1, 20]));
    expect(done).toHaveLength(1);
    expect(tracker.openStart).toBeUndefined();
    expect(tracker.flush()).toEqual([]);
  });
});
