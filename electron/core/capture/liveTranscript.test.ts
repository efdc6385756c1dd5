import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../domain/transcript';
import { readTranscriptFile } from '../drafting/transcriptFile';
import type { RiskFlag } from '../risk/types';
import { LiveTranscript } from './liveTranscript';
import { ScriptedSegmentStream } from './scriptedSegmentStream';

const DEMO = path.resolve('..', 'shared', 'fixtures', 'sessions');
const script = readTranscriptFile(path.join(DEMO, 'cbt-phq9-demo.json'));

function listen(stream: ScriptedSegmentStream) {
  const seen: Segment[] = [];
  const flags: RiskFlag[] = [];
  const live = new LiveTranscript('s1', stream, {
    segment: (s) => seen.push(s),
    risk: (f) => flags.push(f),
  });
  return { live, seen, flags };
}

/** Seconds of silence at 16 kHz. */
const silence = (seconds: number) => new Int16Array(seconds * 16_000);

describe('LiveTranscript', () => {
  it('passes segments on with their roles as audio arrives', async () => {
    const { live, seen } = listen(new ScriptedSegmentStream(script.segments));
    const first = script.segments[0];
    expect(first).toBeDefined();

    live.push('mic', silence(1));
    live.push('system', silence(1));
    await live.settled();
    expect(seen).toHaveLength(0);

    const upTo = Math.ceil(first?.end ?? 0);
    live.push('mic', silence(upTo));
    live.push('system', silence(upTo));
    await live.settled();
    expect(seen[0]).toMatchObject({ id: first?.id, role: first?.role });
    expect(live.segments).toEqual(seen);
    expect(live.healthy).toBe(true);
  });

  it('raises each risk type once, as the client says it', async () => {
    const { live, seen, flags } = listen(
      new ScriptedSegmentStream(script.segments),
    );
    const whole = Math.ceil(script.durationSec) + 1;
    for (let s = 0; s < whole; s += 5) {
      live.push('mic', silence(5));
      live.push('system', silence(5));
    }
    await live.settled();

    expect(seen).toHaveLength(script.segments.length);
    expect(flags.length).toBeGreaterThan(0);
    const types = flags.map((f) => f.type);
    expect(new Set(types).size).toBe(types.length);
    // Each flag quotes a segment that had already been shown.
    const shown = new Set(seen.map((s) => s.id));
    for (const flag of flags)
      for (const e of flag.evidence)
        for (const id of e.segmentIds) expect(shown.has(id)).toBe(true);
  });

  it('stops quietly when recognition fails; later audio is ignored', async () => {
    let pushes = 0;
    const stream = {
      push: () => {
        pushes++;
        return Promise.reject(new Error('model gone'));
      },
      on: () => undefined,
    };
    const live = new LiveTranscript('s1', stream, {
      segment: () => undefined,
      risk: () => undefined,
    });
    live.push('mic', silence(1));
    await live.settled();
    live.push('mic', silence(1));
    await live.settled();
    expect(pushes).toBe(1);
    expect(live.healthy).toBe(false);
  });
});
