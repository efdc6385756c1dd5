import { describe, expect, it } from 'vitest';
import { meterLevel, rmsOf, SilenceWatch, SILENT_ALERT_SEC } from './levels';

function tone(amplitude: number, n = 1600): Int16Array {
  return Int16Array.from({ length: n }, (_, i) =>
    Math.round(amplitude * 32767 * Math.sin(i / 5)),
  );
}

describe('levels', () => {
  it('measures RMS and maps it to a meter', () => {
    expect(rmsOf(new Int16Array(100))).toBe(0);
    expect(rmsOf(tone(1))).toBeCloseTo(Math.SQRT1_2, 2);
    expect(meterLevel(0.001)).toBeCloseTo(0, 5);
    expect(meterLevel(1)).toBe(1);
    expect(meterLevel(0.03)).toBeGreaterThan(0.4);
  });
});

describe('silence watch', () => {
  it('warns about the silent channel within 10 s while the other is active', () => {
    const watch = new SilenceWatch();
    watch.reset(0);
    let warnedAt: number | null = null;
    for (let t = 0; t <= 12; t += 0.1) {
      watch.observe('system', 0.05, t);
      watch.observe('mic', 0.0001, t);
      if (warnedAt === null && watch.silent(t) === 'mic') warnedAt = t;
    }
    expect(warnedAt).not.toBeNull();
    expect(warnedAt).toBeLessThanOrEqual(10);
    expect(warnedAt).toBeGreaterThanOrEqual(SILENT_ALERT_SEC - 0.001);
  });

  it('stays quiet when both sides are silent or both take turns', () => {
    const watch = new SilenceWatch();
    watch.reset(0);
    for (let t = 0; t <= 20; t += 0.1) {
      const clientTalks = Math.floor(t / 5) % 2 === 0;
      watch.observe('system', clientTalks ? 0.05 : 0, t);
      watch.observe('mic', clientTalks ? 0 : 0.05, t);
      expect(watch.silent(t)).toBeNull();
    }
    const idle = new SilenceWatch();
    idle.reset(0);
    expect(idle.silent(30)).toBeNull();
  });

  it('clears once the silent channel carries sound again', () => {
    const watch = new SilenceWatch();
    watch.reset(0);
    for (let t = 0; t <= 10; t += 0.5) watch.observe('system', 0.05, t);
    expect(watch.silent(10)).toBe('mic');
    watch.observe('mic', 0.05, 10.5);
    expect(watch.silent(10.5)).toBeNull();
  });
});
