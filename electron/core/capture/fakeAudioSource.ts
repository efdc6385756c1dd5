import { EventEmitter } from 'node:events';
import type { CaptureChannel } from '../../contract/captureContract';
import {
  CAPTURE_RATE,
  type AudioSource,
  type AudioSourceEvents,
} from './audioSource';

/**
 * A deterministic AudioSource for tests and UI work: the test pushes blocks
 * with `feed`; nothing runs on its own.
 */
export class FakeAudioSource
  extends EventEmitter<AudioSourceEvents>
  implements AudioSource
{
  readonly sampleRate = CAPTURE_RATE;
  started = false;
  failWith: Error | undefined;

  start(): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.started = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.started = false;
    return Promise.resolve();
  }

  feed(channel: CaptureChannel, pcm: Int16Array): void {
    if (this.started) this.emit('chunk', { channel, pcm });
  }
}
