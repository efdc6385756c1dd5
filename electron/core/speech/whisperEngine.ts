import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError, isAppError } from '../../contract/errors';
import { log } from '../log/logger';
import { inspectModelFile } from '../models/manager';
import { PACKAGE_ROOT } from '../paths';
import type { SttEngine, SttRequest, SttSegment } from './sttEngine';

type Binding = typeof import('@fugood/whisper.node');
type WhisperModule = Awaited<ReturnType<Binding['loadWhisperModule']>>;
type WhisperContext = Awaited<ReturnType<Binding['initWhisper']>>;

/** Where `npm run native:whisper` puts the addon built for this CPU. */
export const LOCAL_WHISPER_ADDON = path.join(
  PACKAGE_ROOT,
  'native',
  'whisper',
  'build',
  'whisper.node',
);

export type WhisperAddonKind = 'local' | 'prebuilt';

/**
 * Which compiled whisper.cpp to load: HUSHNOTE_WHISPER_ADDON names a file or
 * says `prebuilt`; otherwise the addon built for this CPU when it exists
 * (native/whisper/build.mjs: SIMD on), else the prebuilt package.
 */
export function whisperAddonPath(): string | undefined {
  const chosen = process.env['HUSHNOTE_WHISPER_ADDON'];
  if (chosen === 'prebuilt') return undefined;
  if (chosen) return path.resolve(chosen);
  return existsSync(LOCAL_WHISPER_ADDON) ? LOCAL_WHISPER_ADDON : undefined;
}

let loaded: { module: WhisperModule; kind: WhisperAddonKind } | undefined;

export async function loadWhisperAddon(): Promise<{
  module: WhisperModule;
  kind: WhisperAddonKind;
}> {
  if (loaded) return loaded;
  const addon = whisperAddonPath();
  if (addon) {
    const requireNative = createRequire(import.meta.url);
    let module: WhisperModule;
    try {
      module = requireNative(addon) as WhisperModule;
    } catch (error) {
      throw new AppError(
        'internal',
        `The speech engine at ${addon} could not be loaded; rebuild it with npm run native:whisper.`,
        { cause: error },
      );
    }
    loaded = { module, kind: 'local' };
  } else {
    const binding = await import('@fugood/whisper.node');
    loaded = { module: await binding.loadWhisperModule(), kind: 'prebuilt' };
  }
  return loaded;
}

/**
 * whisper.cpp's log lines can quote transcript text, so they are silenced
 * while any context is open. Disabling the binding's log would reset
 * whisper.cpp to its stderr printer; the quiet way is an enabled log whose
 * callback drops everything. That callback is a thread-safe function the
 * binding never unrefs, so it alone keeps Node's event loop alive: it is
 * dropped when the last context is released, or a CLI run never exits.
 */
let openContexts = 0;

function holdQuietLog(module: WhisperModule): void {
  if (openContexts++ === 0)
    module.WhisperContext.toggleNativeLog(true, () => undefined);
}

function releaseQuietLog(module: WhisperModule): void {
  openContexts = Math.max(0, openContexts - 1);
  if (openContexts === 0) module.WhisperContext.toggleNativeLog(false);
}

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
  const addon = await loadWhisperAddon();

  let context: WhisperContext;
  try {
    context = await openWhisperContext(options.modelPath);
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
    addon: addon.kind,
    englishOnly: info.englishOnly,
  });
  return new WhisperEngine(context, options.threads, info.englishOnly);
}

/**
 * A raw whisper.cpp context from the addon `loadWhisperAddon` picks, for
 * callers that need the binding itself (the bare-binding benchmark, model
 * tests). Check the file with inspectModelFile first: malformed headers abort
 * the process inside whisper.cpp. Release it when done: an open context
 * keeps the process alive (see holdQuietLog).
 */
export async function openWhisperContext(
  modelPath: string,
): Promise<WhisperContext> {
  const { module } = await loadWhisperAddon();
  holdQuietLog(module);
  let context: WhisperContext;
  try {
    context = new module.WhisperContext({ filePath: modelPath, useGpu: false });
  } catch (error) {
    releaseQuietLog(module);
    throw error;
  }
  const release = context.release.bind(context);
  let released = false;
  // An own property shadows the binding's read-only method: every caller's
  // release also drops its hold on the quiet log, once.
  Object.defineProperty(context, 'release', {
    value: async () => {
      if (released) return;
      released = true;
      try {
        await release();
      } finally {
        releaseQuietLog(module);
      }
    },
  });
  return context;
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
