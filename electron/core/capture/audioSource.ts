import type { EventEmitter } from 'node:events';
import type { CaptureChannel } from '../../contract/captureContract';

/** Capture runs at the recognizer's rate: no resampling before Whisper. */
export const CAPTURE_RATE = 16_000;

/** A block of mono 16-bit PCM from one channel, as it arrived. */
export interface AudioChunk {
  channel: CaptureChannel;
  pcm: Int16Array;
}

export interface AudioSourceEvents {
  chunk: [AudioChunk];
  /** A device came or went (headset plugged in); capture goes on. */
  device: [{ channel: CaptureChannel | 'both'; detail: string }];
  /** A channel's reader stopped and is being restarted. */
  restarting: [{ channel: CaptureChannel; attempt: number }];
  /** The source cannot go on (the sound server is gone); capture stops. */
  error: [Error];
}

/**
 * Where live audio comes from: the microphone (the clinician) and the
 * system audio the video tool plays (the client), as two channels that are
 * never mixed. Platform code implements it (PulseAudio/PipeWire on Linux,
 * Electron's display-media loopback on macOS and Windows); the capture
 * controller consumes the chunks, whatever the platform.
 */
export interface AudioSource extends EventEmitter<AudioSourceEvents> {
  readonly sampleRate: number;
  /** Starts both channels; rejects with `capture_failed` or `mic_denied`. */
  start(): Promise<void>;
  /** Stops both channels and waits for their readers to end. */
  stop(): Promise<void>;
}
