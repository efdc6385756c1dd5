import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import type { Transcript } from '../domain/transcript';
import { log } from '../log/logger';
import { findModel, resolveModelPath } from '../models/manager';
import { modelsDir } from '../paths';
import { decodeAudio, SAMPLE_RATE, type DecodedAudio } from './decode';
import { channelsIdentical, downmix } from './energy';
import { LiveTranscriber } from './liveTranscriber';
import { rolesFor, type ChannelSource } from './roles';
import type { SttEngine } from './sttEngine';
import { SileroVad } from './vad';
import type { VadOptions } from './vadRegions';
import { createWhisperEngine } from './whisperEngine';

export interface TranscribeOptions {
  /** A manifest name (`tiny.en`) or a file path; default: the best installed model. */
  modelPath?: string;
  /** What each channel carries; default: mono `unknown`, stereo mic,system. */
  channels?: ChannelSource[];
  /** ISO 639-1; default `en`. Spanish needs a multilingual model. */
  language?: string;
  /** Whisper threads; default 2 (set it explicitly on small machines). */
  threads?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** For tests and benchmarks: a recognizer to use instead of Whisper. */
  engine?: SttEngine;
  vadOptions?: Partial<VadOptions>;
}

/** Audio is fed through the live pipeline in steps of this many seconds. */
const STEP_SEC = 10;

/** Preferred defaults, most accurate that is still real-time on a laptop first. */
const PREFERRED = ['base.en', 'small.en', 'tiny.en', 'base', 'small', 'tiny'];

/**
 * Transcribes a session recording: decode, VAD per channel, bleed removal,
 * Whisper, guards. The same {@link LiveTranscriber} serves live capture, so
 * a file and a live session give the same transcript.
 *
 * Errors: `audio_unreadable`, `audio_empty`, `model_missing`,
 * `model_corrupt`, `invalid_request` (mapping or language), `cancelled`.
 */
export async function transcribeRecording(
  file: string,
  options: TranscribeOptions = {},
): Promise<Transcript> {
  return transcribeAudio(await decodeAudio(file), options);
}

/** The same as {@link transcribeRecording}, for audio already decoded. */
export async function transcribeAudio(
  audio: DecodedAudio,
  options: TranscribeOptions = {},
): Promise<Transcript> {
  const channels = effectiveChannels(audio, options.channels);
  const roles = rolesFor(channels.length, options.channels);

  const engine =
    options.engine ??
    (await createWhisperEngine({
      modelPath: await defaultModelPath(options.modelPath),
      threads: options.threads ?? 2,
    }));
  // Checked before any audio is processed: per-region failures become
  // failed regions, but a language the model cannot do fails the whole job.
  const language = options.language ?? 'en';
  if (engine.languages !== 'any' && !engine.languages.includes(language)) {
    if (!options.engine) await engine.release();
    throw new AppError(
      'invalid_request',
      `The selected speech model cannot transcribe '${language}'; choose a multilingual model.`,
    );
  }
  const vad = await SileroVad.load();
  try {
    const transcriber = new LiveTranscriber({
      engine,
      vad,
      roles,
      language: options.language ?? 'en',
      ...(options.vadOptions ? { vadOptions: options.vadOptions } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const transcript = await feed(transcriber, channels, options);
    log().info('stt.transcribed', {
      durationSec: audio.durationSec,
      segments: transcript.segments.length,
      failed: transcript.failedRegions.length,
      silent: transcript.silentChannels.length,
    });
    return { ...transcript, durationSec: audio.durationSec };
  } finally {
    if (!options.engine) await engine.release();
    await vad.release();
  }
}

/** A stereo file whose two channels are one mix cannot give roles: downmix it. */
function effectiveChannels(
  audio: DecodedAudio,
  sources: ChannelSource[] | undefined,
): Float32Array[] {
  const [left, right] = audio.channels;
  if (
    !sources &&
    audio.channels.length === 2 &&
    left &&
    right &&
    channelsIdentical(left, right)
  ) {
    log().info('speech.identical_channels_downmixed', {});
    return [downmix(audio.channels)];
  }
  return audio.channels;
}

async function feed(
  transcriber: LiveTranscriber,
  channels: Float32Array[],
  options: TranscribeOptions,
) {
  const total = channels[0]?.length ?? 0;
  const totalSec = total / SAMPLE_RATE;
  const step = STEP_SEC * SAMPLE_RATE;
  let pushed = 0;
  let recognized = 0;
  const report = () =>
    options.onProgress?.(Math.min(0.99, 0.2 * pushed + 0.8 * recognized));
  transcriber.on('progress', (sec) => {
    recognized = Math.min(1, sec / totalSec);
    report();
  });

  // The VAD runs ahead of recognition, so queued regions pack into full windows.
  for (let from = 0; from < total; from += step) {
    if (options.signal?.aborted)
      throw new AppError('cancelled', 'Transcription was cancelled.');
    for (const [index, samples] of channels.entries()) {
      await transcriber.push(index, samples.subarray(from, from + step));
    }
    pushed = Math.min(1, (from + step) / total);
    report();
  }
  const transcript = await transcriber.end();
  options.onProgress?.(1);
  return transcript;
}

/**
 * `--model` as given, else the first installed preferred model, else any
 * ggml file in the models folder. Throws `model_missing` when there is none.
 */
export async function defaultModelPath(requested?: string): Promise<string> {
  if (requested) return resolveModelPath(requested);
  const dir = modelsDir();
  for (const name of PREFERRED) {
    const entry = await findModel(name);
    const file = entry && path.join(dir, entry.file);
    if (file && (await stat(file).catch(() => undefined))?.isFile())
      return file;
  }
  const others = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.startsWith('ggml-') && f.endsWith('.bin'))
    .sort();
  if (others[0]) return path.join(dir, others[0]);
  throw new AppError(
    'model_missing',
    'No speech model is installed. Run: hushnote models ensure base.en',
  );
}
