import { decodeAudio } from '../speech/decode';
import { transcribeAudio } from '../speech/transcribeRecording';
import type { ChannelSource } from '../speech/roles';
import { loadLlamaEngine } from '../llm/llamaEngine';
import type { LlmEngine } from '../llm/LlmEngine';
import { llmModelPath, whisperModelPath } from '../models/fixtures';
import type { MainJobEngines } from './mainJob';

export interface RealEngineOptions {
  /** A ggml Whisper file; default: the configured or provisioned model. */
  whisperModel?: string;
  /** A GGUF instruct model; default: the configured or provisioned model. */
  llmModel?: string;
  channels?: ChannelSource[];
  language?: string;
  /** Explicit, always: the libraries' defaults oversubscribe small machines. */
  threads: number;
  llmContextSize?: number;
}

/**
 * The engines the product runs on: ffmpeg decoding, Silero VAD plus local
 * Whisper, and a local GGUF model for drafting, loaded only when needed.
 */
export function realEngines(options: RealEngineOptions): MainJobEngines & {
  dispose(): Promise<void>;
} {
  let llm: Promise<LlmEngine> | undefined;
  return {
    decode: decodeAudio,
    transcribe: (audio, job) =>
      transcribeAudio(audio, {
        modelPath: options.whisperModel ?? whisperModelPath(),
        channels: options.channels ?? ['mic', 'system'],
        language: options.language ?? 'en',
        threads: options.threads,
        onProgress: job.onProgress,
        ...(job.signal ? { signal: job.signal } : {}),
      }),
    llm: () => {
      llm ??= loadLlamaEngine({
        modelPath: options.llmModel ?? llmModelPath(),
        threads: options.threads,
        contextSize: options.llmContextSize ?? 4096,
      });
      return llm;
    },
    dispose: async () => {
      if (llm) await (await llm).dispose();
    },
  };
}
