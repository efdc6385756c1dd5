import { AppError } from '../../contract/errors';
import type { SttEngine, SttRequest, SttSegment } from './sttEngine';

/** What the fake "hears" on a channel: a timed line of speech. */
export interface FakeUtterance {
  channel: number;
  start: number;
  end: number;
  text: string;
}

/**
 * A deterministic recognizer for tests and UI work: it returns the scripted
 * utterances whose midpoint falls inside a requested span, so a pipeline
 * test controls exactly what each channel "says" (including bleed copies).
 */
export class FakeSttEngine implements SttEngine {
  readonly name = 'fake';
  readonly languages = 'any' as const;
  readonly calls: {
    channel: number;
    offsetSec: number;
    durationSec: number;
  }[] = [];

  constructor(private readonly script: readonly FakeUtterance[]) {}

  transcribe(request: SttRequest): Promise<SttSegment[]> {
    if (request.signal?.aborted) {
      return Promise.reject(
        new AppError('cancelled', 'Transcription was cancelled.'),
      );
    }
    const heard: SttSegment[] = [];
    for (const span of request.spans) {
      this.calls.push({
        channel: request.channel,
        offsetSec: span.start,
        durationSec: span.end - span.start,
      });
      for (const u of this.script) {
        const mid = (u.start + u.end) / 2;
        if (
          u.channel !== request.channel ||
          mid < span.start ||
          mid >= span.end
        )
          continue;
        heard.push({
          start: span.at + Math.max(0, u.start - span.start),
          end: span.at + Math.min(span.end, u.end) - span.start,
          text: u.text,
        });
      }
    }
    return Promise.resolve(heard);
  }

  release(): Promise<void> {
    return Promise.resolve();
  }
}
