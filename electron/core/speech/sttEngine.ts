/** One recognized stretch, in seconds relative to the request's samples. */
export interface SttSegment {
  start: number;
  end: number;
  text: string;
}

export interface SttRequest {
  /** 16 kHz mono float32, one VAD region (with padding). */
  samples: Float32Array;
  /** Where `samples` starts in the recording, seconds (for fakes and logs). */
  offsetSec: number;
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
