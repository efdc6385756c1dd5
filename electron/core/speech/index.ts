/**
 * The speech pipeline's public surface: decode a recording, transcribe it,
 * or feed live audio. See docs/decisions/0001-whisper-binding.md.
 */
export { decodeAudio, SAMPLE_RATE, type DecodedAudio } from './decode';
export {
  transcribeRecording,
  defaultModelPath,
  type TranscribeOptions,
} from './transcribeRecording';
export {
  LiveTranscriber,
  type LiveTranscriberOptions,
} from './liveTranscriber';
export { parseChannels, rolesFor, type ChannelSource } from './roles';
export { SileroVad } from './vad';
export {
  DEFAULT_VAD_OPTIONS,
  type SpeechRegion,
  type VadOptions,
} from './vadRegions';
export {
  createWhisperEngine,
  type WhisperEngineOptions,
} from './whisperEngine';
export { FakeSttEngine, type FakeUtterance } from './fakeSttEngine';
export type {
  SttEngine,
  SttRequest,
  SttSegment,
  PackedSpan,
} from './sttEngine';
