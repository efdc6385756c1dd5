import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';

/** The pipeline's one audio shape: 16 kHz float32, one array per channel. */
export interface DecodedAudio {
  sampleRate: 16000;
  channels: Float32Array[];
  durationSec: number;
}

export const SAMPLE_RATE = 16000;

interface Probe {
  channels: number;
  declaredSec: number;
}

/**
 * Decodes any container ffmpeg reads (WAV, FLAC, MP3, M4A/AAC, OGG/Opus,
 * WebM) into 16 kHz float32 per channel.
 *
 * We spawn the system ffmpeg/ffprobe directly (argument arrays, never a
 * shell) rather than through fluent-ffmpeg, which is archived upstream; the
 * two calls we need are small enough to own.
 *
 * Throws `audio_empty` for an empty file or a stream without samples, and
 * `audio_unreadable` for anything ffmpeg cannot decode, including a file cut
 * short (a truncated FLAC decodes only its first frames).
 */
export async function decodeAudio(path: string): Promise<DecodedAudio> {
  await assertNonEmptyFile(path);
  const probe = await probeAudio(path);
  const { pcm, errors } = await runFfmpeg(path, probe.channels);

  const frames = Math.floor(pcm.length / 4 / probe.channels);
  if (frames === 0) {
    throw new AppError('audio_empty', 'The recording holds no audio samples.');
  }
  const durationSec = frames / SAMPLE_RATE;
  assertComplete(errors, durationSec, probe.declaredSec);

  const channels = deinterleave(pcm, probe.channels, frames);
  log().debug('speech.decoded', { channels: probe.channels, durationSec });
  return { sampleRate: SAMPLE_RATE, channels, durationSec };
}

async function assertNonEmptyFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new AppError(
      'audio_unreadable',
      'The recording file could not be found.',
    );
  }
  if (info.size === 0) {
    throw new AppError('audio_empty', 'The recording file is empty (0 bytes).');
  }
}

async function probeAudio(path: string): Promise<Probe> {
  const args = [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=channels:format=duration',
    '-of',
    'json',
    '--',
    path,
  ];
  const { code, stdout } = await run('ffprobe', args);
  if (code !== 0) {
    throw new AppError(
      'audio_unreadable',
      'The recording is not a readable audio file (unknown or damaged format).',
    );
  }

  const parsed = JSON.parse(stdout.toString('utf8')) as {
    streams?: { channels?: number }[];
    format?: { duration?: string };
  };
  const channels = parsed.streams?.[0]?.channels ?? 0;
  if (channels < 1) {
    throw new AppError('audio_empty', 'The file holds no audio stream.');
  }
  return { channels, declaredSec: Number(parsed.format?.duration ?? 0) || 0 };
}

async function runFfmpeg(path: string, channels: number) {
  // ffmpeg has no `--`: a path starting with '-' would read as an option, so
  // such paths go through the explicit `file:` protocol.
  const input = path.startsWith('-') ? `file:${path}` : path;
  const args = [
    '-nostdin',
    '-v',
    'error',
    '-i',
    input,
    '-vn',
    '-ac',
    String(channels),
    '-ar',
    String(SAMPLE_RATE),
    '-f',
    'f32le',
    '-acodec',
    'pcm_f32le',
    'pipe:1',
  ];

  const { code, stdout, stderr } = await run('ffmpeg', args);
  if (code !== 0) {
    throw new AppError(
      'audio_unreadable',
      'The recording could not be decoded.',
    );
  }
  const errors = stderr
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  return { pcm: stdout, errors };
}

/** A decoder error or a stream much shorter than its header says means damage. */
function assertComplete(
  errors: number,
  decodedSec: number,
  declaredSec: number,
): void {
  const short = declaredSec > 0 && decodedSec < declaredSec * 0.98 - 0.5;
  if (errors > 0 || short) {
    log().warn('speech.decode_damaged', { errors, decodedSec, declaredSec });
    throw new AppError(
      'audio_unreadable',
      `The recording is damaged or truncated: only ${decodedSec.toFixed(1)} s of ` +
        `${declaredSec.toFixed(1)} s could be decoded.`,
    );
  }
}

function deinterleave(
  pcm: Buffer,
  count: number,
  frames: number,
): Float32Array[] {
  // Copy into an aligned buffer: a Node Buffer's offset may not be 4-aligned.
  const all = new Float32Array(frames * count);
  new Uint8Array(all.buffer).set(pcm.subarray(0, frames * count * 4));
  if (count === 1) return [all];

  const channels = Array.from(
    { length: count },
    () => new Float32Array(frames),
  );
  for (let i = 0; i < frames; i++) {
    for (const [c, channel] of channels.entries())
      channel[i] = all[i * count + c] ?? 0;
  }
  return channels;
}

interface RunResult {
  code: number;
  stdout: Buffer;
  stderr: Buffer;
}

function run(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      reject(
        new AppError(
          'audio_unreadable',
          `${command} is not installed; it is needed to read recordings.`,
          { cause: error },
        ),
      );
    });
    child.on('close', (code) => {
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
      });
    });
  });
}
