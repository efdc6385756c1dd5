/** One recognized stretch, in seconds relative to the request's samples. */
export interface SttSegment {
  start: number;
  end: number;
  text: string;
}

/** One speech span packed into a request: buffer time `at` holds recording time `start`. */
export interface PackedSpan {
  at: number;
  start: number;
  end: number;
}

export interface SttRequest {
  /** 16 kHz mono float32: one or more VAD regions packed with short gaps. */
  samples: Float32Array;
  /** Where the first span starts in the recording, seconds (for logs). */
  offsetSec: number;
  /** The spans packed into `samples`, in order (for mapping times back, and fakes). */
  spans: readonly PackedSpan[];
  /** Source channel index (for fakes and logs). */
  channel: number;
  /** ISO 639-1 code; the engine transcribes in it and never translates. */
  language: string;
  signal?: AbortSignal;
}

/**
 * A speech recognizer. Implementations: {@link createWhisperEngine}
 * (whisper.cpp through @fugood/whisper.node) and the deterministic
 * {@link FakeSttEngine} for tests and UI work.
 *
 * Errors: `model_missing` / `model_corrupt` when the model cannot be used,
 * `cancelled` when `signal` aborts, `invalid_request` for a language the model
 * cannot transcribe. Any other throw is treated as a failed region.
 */
export interface SttEngine {
  readonly name: string;
  /** Languages it can transcribe, or `'any'` for multilingual models. */
  readonly languages: readonly string[] | 'any';
  transcribe(request: SttRequest): Promise<SttSegment[]>;
  release(): Promise<void>;
}
