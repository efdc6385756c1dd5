import { EventEmitter } from 'node:events';
import type { Segment } from '../domain/transcript';
import { CAPTURE_RATE } from './audioSource';
import type { SegmentStream } from './liveTranscript';

/**
 * A deterministic stand-in for the streaming pipeline, for UI work and
 * tests without models: each scripted segment is emitted once its channel
 * (clinician 0, client 1) has received audio past the segment's end, as
 * the real pipeline finalizes a region after it ends.
 */
export class ScriptedSegmentStream
  extends EventEmitter<{ segment: [Segment] }>
  implements SegmentStream
{
  private readonly heard = [0, 0];
  private readonly waiting: Segment[];

  constructor(script: readonly Segment[]) {
    super();
    this.waiting = [...script].sort((a, b) => a.end - b.end);
  }

  push(channel: number, samples: Float32Array): Promise<void> {
    this.heard[channel] = (this.heard[channel] ?? 0) + samples.length;
    for (let next = this.waiting[0]; next && this.due(next);) {
      this.waiting.shift();
      this.emit('segment', next);
      next = this.waiting[0];
    }
    return Promise.resolve();
  }

  private due(segment: Segment): boolean {
    const channel = segment.role === 'clinician' ? 0 : 1;
    return (this.heard[channel] ?? 0) / CAPTURE_RATE >= segment.end;
  }
}
