import { whisperModelPath } from '../models/fixtures';
import { LiveTranscriber } from '../speech/liveTranscriber';
import { SileroVad } from '../speech/vad';
import { createWhisperEngine } from '../speech/whisperEngine';
import type { SegmentStream } from './liveTranscript';

export interface LiveStreamOptions {
  /** Explicit, always: whisper.cpp's default oversubscribes small machines. */
  threads: number;
  /** A ggml Whisper file; default: the configured or provisioned model. */
  modelPath?: string;
  language?: string;
}

/**
 * The real streaming pipeline for one live recording: Silero VAD and local
 * Whisper over the microphone (clinician) and system audio (client). The
 * engines are released when the recording stops.
 */
export async function openLiveStream(
  options: LiveStreamOptions,
): Promise<SegmentStream & { drain(): Promise<void> }> {
  const engine = await createWhisperEngine({
    modelPath: options.modelPath ?? whisperModelPath(),
    threads: options.threads,
  });
  const vad = await SileroVad.load().catch(async (error: unknown) => {
    await engine.release();
    throw error;
  });
  const abort = new AbortController();
  const transcriber = new LiveTranscriber({
    engine,
    vad,
    roles: ['clinician', 'client'],
    language: options.language ?? 'en',
    signal: abort.signal,
  });
  return {
    push: (channel, samples) => transcriber.push(channel, samples),
    on: (event, listener) => transcriber.on(event, listener),
    /** Waits for regions finalized so far to be recognized. */
    drain: () => transcriber.drain(),
    close: async () => {
      abort.abort();
      // Recognition in flight must finish before its model is freed.
      await transcriber.drain().catch(() => undefined);
      await engine.release();
      await vad.release();
    },
  };
}
