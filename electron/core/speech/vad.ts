import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { AppError } from '../../contract/errors';
import { SAMPLE_RATE } from './decode';
import {
  regionsFromProbabilities,
  type SpeechRegion,
  type VadOptions,
} from './vadRegions';

/** Silero v5 reads 512-sample frames (32 ms at 16 kHz)... */
export const FRAME_SAMPLES = 512;
/** ...each prefixed by the previous frame's last 64 samples. */
const CONTEXT_SAMPLES = 64;
export const FRAME_SEC = FRAME_SAMPLES / SAMPLE_RATE;

type Ort = typeof import('onnxruntime-node');

/** The Silero v5 model that ships inside @ricky0123/vad-web's dist/. */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@ricky0123/vad-web/package.json');
  return path.join(path.dirname(pkg), 'dist', 'silero_vad_v5.onnx');
}

/**
 * Silero VAD (v5) through onnxruntime-node on the CPU, one thread. Each
 * channel gets its own {@link VadStream}, since the model is recurrent.
 */
export class SileroVad {
  private constructor(
    private readonly ort: Ort,
    private readonly session: InferenceSession,
  ) {}

  static async load(modelPath = sileroModelPath()): Promise<SileroVad> {
    const ort = await import('onnxruntime-node');
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
      });
      return new SileroVad(ort, session);
    } catch (error) {
      throw new AppError(
        'model_missing',
        'The voice-activity model could not be loaded.',
        { cause: error },
      );
    }
  }

  createStream(): VadStream {
    return new VadStream(this.ort, this.session);
  }

  /** Whole-buffer detection: probabilities, then hysteresis into regions. */
  async detect(
    samples: Float32Array,
    options?: Partial<VadOptions>,
  ): Promise<SpeechRegion[]> {
    const probs = await this.createStream().push(samples);
    return regionsFromProbabilities(probs, FRAME_SEC, options);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/**
 * One channel's recurrent Silero state. `push` accepts any number of
 * samples, keeps the partial frame for the next call, and returns one speech
 * probability per completed 32 ms frame.
 */
export class VadStream {
  private state: Float32Array = new Float32Array(2 * 1 * 128);
  private context = new Float32Array(CONTEXT_SAMPLES);
  private pending = new Float32Array(0);
  private readonly sr: Tensor;

  constructor(
    private readonly ort: Ort,
    private readonly session: InferenceSession,
  ) {
    this.sr = new ort.Tensor(
      'int64',
      BigInt64Array.from([BigInt(SAMPLE_RATE)]),
      [],
    );
  }

  async push(samples: Float32Array): Promise<Float32Array> {
    const joined = concat(this.pending, samples);
    const frames = Math.floor(joined.length / FRAME_SAMPLES);
    const probs = new Float32Array(frames);

    for (let f = 0; f < frames; f++) {
      const frame = joined.subarray(f * FRAME_SAMPLES, (f + 1) * FRAME_SAMPLES);
      probs[f] = await this.runFrame(frame);
    }
    this.pending = joined.slice(frames * FRAME_SAMPLES);
    return probs;
  }

  private async runFrame(frame: Float32Array): Promise<number> {
    const input = new Float32Array(CONTEXT_SAMPLES + FRAME_SAMPLES);
    input.set(this.context, 0);
    input.set(frame, CONTEXT_SAMPLES);
    this.context = frame.slice(FRAME_SAMPLES - CONTEXT_SAMPLES);

    const feeds = {
      input: new this.ort.Tensor('float32', input, [1, input.length]),
      state: new this.ort.Tensor('float32', this.state, [2, 1, 128]),
      sr: this.sr,
    };
    const out = await this.session.run(feeds);
    const state = out['stateN']?.data;
    const output = out['output']?.data;
    if (!(state instanceof Float32Array) || !(output instanceof Float32Array)) {
      throw new AppError(
        'model_corrupt',
        'The voice-activity model returned unexpected outputs.',
      );
    }
    this.state = state;
    return output[0] ?? 0;
  }
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  if (a.length === 0) return b;
  const joined = new Float32Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
