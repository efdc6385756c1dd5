import { AppError, isAppError } from '../../contract/errors';
import { log } from '../log/logger';
import { inspectModelFile } from '../models/manager';
import type { SttEngine, SttRequest, SttSegment } from './sttEngine';

type Binding = typeof import('@fugood/whisper.node');
type WhisperContext = Awaited<ReturnType<Binding['initWhisper']>>;

export interface WhisperEngineOptions {
  modelPath: string;
  /** Explicit: whisper.cpp's default (all cores, up to 8) starves a 2-core machine. */
  threads: number;
}

/**
 * The whisper.cpp recognizer through @fugood/whisper.node (prebuilt N-API;
 * see docs/decisions/0001-whisper-binding.md). Greedy decoding at
 * temperature 0 with whisper.cpp's fallback ladder; whisper.cpp itself skips
 * a window whose no-speech probability is above 0.6 while its mean token
 * log-probability is below -1.0 (its defaults, which the binding keeps).
 */
export async function createWhisperEngine(
  options: WhisperEngineOptions,
): Promise<SttEngine> {
  const info = await inspectModelFile(options.modelPath);
  const binding = await import('@fugood/whisper.node');
  // Disabling the native log resets whisper.cpp to its stderr printer; an
  // enabled log with no listeners is what actually keeps stderr quiet.
  await binding.toggleNativeLog(true);

  let context: WhisperContext;
  try {
    context = await binding.initWhisper({
      filePath: options.modelPath,
      useGpu: false,
    });
  } catch (error) {
    log().warn('stt.model_load_failed', { kind: 'model_corrupt' });
    throw new AppError(
      'model_corrupt',
      'The speech model file is damaged or not a Whisper model.',
      { cause: error },
    );
  }
  log().info('stt.model_loaded', {
    threads: options.threads,
    englishOnly: info.englishOnly,
  });
  return new WhisperEngine(context, options.threads, info.englishOnly);
}

class WhisperEngine implements SttEngine {
  readonly name = 'whisper.cpp';
  readonly languages: readonly string[] | 'any';

  constructor(
    private readonly context: WhisperContext,
    private readonly threads: number,
    englishOnly: boolean,
  ) {
    this.languages = englishOnly ? ['en'] : 'any';
  }

  async transcribe(request: SttRequest): Promise<SttSegment[]> {
    this.assertLanguage(request.language);
    if (request.signal?.aborted) throw cancelled();

    const job = this.context.transcribeData(toPcm16(request.samples), {
      language: request.language,
      translate: false,
      maxThreads: this.threads,
      temperature: 0,
    });
    const stop = () => void job.stop();
    request.signal?.addEventListener('abort', stop, { once: true });

    try {
      const result = await job.promise;
      if (result.isAborted || request.signal?.aborted) throw cancelled();
      return result.segments.map((s) => ({
        start: s.t0 / 1000,
        end: s.t1 / 1000,
        text: s.text,
      }));
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new Error('whisper.cpp failed on a region', { cause: error });
    } finally {
      request.signal?.removeEventListener('abort', stop);
    }
  }

  private assertLanguage(language: string): void {
    if (this.languages !== 'any' && !this.languages.includes(language)) {
      throw new AppError(
        'invalid_request',
        `The selected speech model is English-only; choose a multilingual model for '${language}'.`,
      );
    }
  }

  async release(): Promise<void> {
    await this.context.release();
  }
}

function cancelled(): AppError {
  return new AppError('cancelled', 'Transcription was cancelled.');
}

/** The binding's transcribeData takes 16-bit PCM; clamp before scaling. */
export function toPcm16(samples: Float32Array): ArrayBuffer {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    pcm[i] = Math.round(s * 32767);
  }
  return pcm.buffer;
}
