import { spawn, execFile, type ChildProcessByStdio } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { CaptureChannel } from '../../contract/captureContract';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import {
  CAPTURE_RATE,
  type AudioSource,
  type AudioSourceEvents,
} from './audioSource';

const run = promisify(execFile);

export interface PulseAudioSourceOptions {
  /** The clinician's microphone; default: the source chosen in sound settings. */
  micDevice?: string;
  /** What the video tool plays; default: the monitor of the default output. */
  systemDevice?: string;
  /** Environment for pactl/parec (PULSE_SERVER, XDG_RUNTIME_DIR). */
  env?: NodeJS.ProcessEnv;
  /** Longest wait between restarts of a reader that stopped. */
  maxRestartDelayMs?: number;
}

type Reader = ChildProcessByStdio<null, Readable, Readable>;

/**
 * Linux system audio and microphone through PulseAudio, or PipeWire's
 * PulseAudio server (pipewire-pulse), with `parec` readers: one for the
 * default output's monitor (the client), one for the default input (the
 * clinician). `pactl subscribe` reports device changes; a changed default
 * restarts the readers so capture follows a headset plugged in mid-session.
 */
export class PulseAudioSource
  extends EventEmitter<AudioSourceEvents>
  implements AudioSource
{
  readonly sampleRate = CAPTURE_RATE;
  private readonly readers = new Map<CaptureChannel, Reader>();
  private watcher: ChildProcessByStdio<null, Readable, null> | undefined;
  private running = false;
  private readonly attempts: Record<CaptureChannel, number> = {
    mic: 0,
    system: 0,
  };

  constructor(private readonly options: PulseAudioSourceOptions = {}) {
    super();
  }

  async start(): Promise<void> {
    await this.checkServer();
    this.running = true;
    this.startReader('mic');
    this.startReader('system');
    this.watchDevices();
    log().info('capture.source_started', { source: 'pulse' });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.watcher?.kill('SIGTERM');
    const ended = [...this.readers.values()].map((r) => endOf(r));
    for (const reader of this.readers.values()) reader.kill('SIGTERM');
    this.readers.clear();
    await Promise.all(ended);
  }

  private device(channel: CaptureChannel): string {
    return channel === 'mic'
      ? (this.options.micDevice ?? '@DEFAULT_SOURCE@')
      : (this.options.systemDevice ?? '@DEFAULT_MONITOR@');
  }

  private async checkServer(): Promise<void> {
    try {
      await run('pactl', ['info'], { env: this.env(), timeout: 5000 });
    } catch (cause) {
      throw new AppError(
        'capture_failed',
        'No PulseAudio or PipeWire sound server is running.',
        { cause },
      );
    }
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.options.env };
  }

  private startReader(channel: CaptureChannel): void {
    const args = [
      '--raw',
      '--format=s16le',
      `--rate=${CAPTURE_RATE}`,
      '--channels=1',
      `--device=${this.device(channel)}`,
      '--latency-msec=100',
      '--client-name=Hushnote',
      `--stream-name=${channel}`,
    ];
    const reader = spawn('parec', args, {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.readers.set(channel, reader);
    reader.stdout.on(
      'data',
      pcmSplitter((pcm) => this.emit('chunk', { channel, pcm })),
    );
    reader.stderr.resume();
    reader.once('error', (error) =>
      this.emit(
        'error',
        new AppError('capture_failed', 'parec could not start.', {
          cause: error,
        }),
      ),
    );
    reader.once('exit', () => this.readerExited(channel, reader));
  }

  /** A reader that ends while recording is restarted, backing off to a limit. */
  private readerExited(channel: CaptureChannel, reader: Reader): void {
    if (!this.running || this.readers.get(channel) !== reader) return;
    const attempt = ++this.attempts[channel];
    const delay = Math.min(
      100 * 2 ** (attempt - 1),
      this.options.maxRestartDelayMs ?? 2000,
    );
    log().warn('capture.reader_restart', { channel, attempt });
    this.emit('restarting', { channel, attempt });
    setTimeout(() => {
      if (this.running && this.readers.get(channel) === reader)
        this.startReader(channel);
    }, delay);
  }

  private watchDevices(): void {
    const watcher = spawn('pactl', ['subscribe'], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    this.watcher = watcher;
    let buffered = '';
    watcher.stdout.on('data', (data: Buffer) => {
      buffered += data.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) this.onDeviceEvent(line);
    });
  }

  /** `Event 'change' on server` is how PulseAudio says a default device changed. */
  private onDeviceEvent(line: string): void {
    if (!this.running) return;
    if (/'change' on server/.test(line)) {
      this.emit('device', {
        channel: 'both',
        detail: 'default device changed',
      });
      this.restart('mic');
      this.restart('system');
    } else if (/'(new|remove)' on (source|sink) #/.test(line)) {
      this.emit('device', {
        channel: line.includes('source') ? 'mic' : 'system',
        detail: 'device added or removed',
      });
    }
  }

  private restart(channel: CaptureChannel): void {
    const old = this.readers.get(channel);
    this.readers.delete(channel);
    old?.kill('SIGTERM');
    this.startReader(channel);
  }
}

/** Cuts a byte stream into whole 16-bit samples, carrying an odd byte over. */
export function pcmSplitter(
  onPcm: (pcm: Int16Array) => void,
): (data: Buffer) => void {
  let carry: Buffer | null = null;
  return (data) => {
    const bytes: Buffer = carry ? Buffer.concat([carry, data]) : data;
    const whole = bytes.length - (bytes.length % 2);
    carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
    if (whole === 0) return;
    const copy = new Int16Array(whole / 2);
    Buffer.from(copy.buffer).set(bytes.subarray(0, whole));
    onPcm(copy);
  };
}

function endOf(reader: Reader): Promise<void> {
  if (reader.exitCode !== null || reader.signalCode !== null)
    return Promise.resolve();
  return new Promise((resolve) => reader.once('exit', () => resolve()));
}
