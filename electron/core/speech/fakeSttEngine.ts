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
 * utterances whose midpoint falls inside the requested window, so a pipeline
 * test controls exactly what each channel "says" (including bleed copies).
 */
export class FakeSttEngine implements SttEngine {
  readonly name = 'fake';
  readonly languages = 'any' as const;
  readonly calls: { channel: number; offsetSec: number; durationSec: number }[] = [];

  constructor(private readonly script: readonly FakeUtterance[]) {}

  transcribe(request: SttRequest): Promise<SttSegment[]> {
    if (request.signal?.aborted) {
      return Promise.reject(new AppError('cancelled', 'Transcription was cancelled.'));
    }
    const from = request.offsetSec;
    const to = from + request.samples.length / 16000;
    this.calls.push({ channel: request.channel, offsetSec: from, durationSec: to - from });

    const heard = this.script.filter((u) => {
      const mid = (u.start + u.end) / 2;
      return u.channel === request.channel && mid >= from && mid < to;
    });
    return Promise.resolve(heard.map((u) => ({
      start: Math.max(0, u.start - from),
      end: Math.min(to, u.end) - from,
      text: u.text,
    })));
  }

  release(): Promise<void> {
    return Promise.resolve();
  }
}
