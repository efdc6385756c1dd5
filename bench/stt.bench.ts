/**
 * Speech pipeline benchmark: real-time factor (wall / audio seconds) and
 * peak RSS for the full pipeline with VAD gating on and off, and for the
 * binding's bare transcribe on the same audio, on a >= 10 min stereo session
 * made by concatenating the session fixtures.
 *
 *   npm run bench:stt -- [--model NAME|PATH] [--threads 2] [--minutes 10]
 *
 * Each mode runs in its own child process so peak RSS is per mode.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Mode = 'vad' | 'novad' | 'bare';
const SESSIONS = ['cbt-phq9-demo', 'mi-session-medium', 'mi-session-short'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function runMode(
  mode: Mode,
  file: string,
  model: string,
  threads: number,
): Promise<void> {
  const { decodeAudio } = await import('../electron/core/speech/decode');
  const started = performance.now();
  let audioSec = 0;
  let segments = 0;
  if (mode === 'bare') {
    const audio = await decodeAudio(file);
    audioSec = audio.durationSec;
    const { openWhisperContext, toPcm16 } =
      await import('../electron/core/speech/whisperEngine');
    const context = await openWhisperContext(model);
    for (const channel of audio.channels) {
      const result = await context.transcribeData(toPcm16(channel), {
        language: 'en',
        maxThreads: threads,
        temperature: 0,
      }).promise;
      segments += result.segments.length;
    }
    await context.release();
  } else {
    const { transcribeRecording } =
      await import('../electron/core/speech/transcribeRecording');
    const gateOff = { positiveThreshold: 0, negativeThreshold: 0 };
    const t = await transcribeRecording(file, {
      modelPath: model,
      threads,
      channels: ['mic', 'system'],
      ...(mode === 'novad' ? { vadOptions: gateOff } : {}),
    });
    audioSec = t.durationSec;
    segments = t.segments.length;
  }
  const wallSec = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ mode, audioSec, wallSec, rtf: wallSec / audioSec, peakRssMb, segments })}\n`,
  );
}

function makeSession(minutes: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-bench-'));
  const out = path.join(dir, 'session.flac');
  const inputs = SESSIONS.flatMap((s) => [
    '-i',
    path.resolve('../shared/fixtures/sessions', `${s}.flac`),
  ]);
  const concat = `${SESSIONS.map((_, i) => `[${i}:a]`).join('')}concat=n=${SESSIONS.length}:v=0:a=1`;
  const ok = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    concat,
    '-t',
    String(minutes * 60),
    out,
  ]);
  if (ok.status !== 0) throw new Error('could not build the benchmark session');
  return out;
}

async function main(): Promise<void> {
  const mode = arg('mode', '');
  const threads = Number(arg('threads', '2'));
  if (mode) {
    await runMode(
      mode as Mode,
      arg('file', ''),
      arg('model-path', ''),
      threads,
    );
    return;
  }
  const { defaultModelPath } =
    await import('../electron/core/speech/transcribeRecording');
  const model = await defaultModelPath(
    process.argv.includes('--model') ? arg('model', '') : undefined,
  );
  const minutes = Number(arg('minutes', '10'));
  const file = makeSession(minutes);
  const self = fileURLToPath(import.meta.url);
  const runTs = path.resolve('bin/run-ts.mjs');

  const results: Record<
    string,
    { rtf: number; peakRssMb: number; wallSec: number; audioSec: number }
  > = {};
  for (const m of ['vad', 'novad', 'bare'] as Mode[]) {
    const child = spawnSync(
      process.execPath,
      [
        runTs,
        self,
        '--mode',
        m,
        '--file',
        file,
        '--model-path',
        model,
        '--threads',
        String(threads),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{'))
      throw new Error(`mode ${m} failed: ${child.stderr.slice(-500)}`);
    results[m] = JSON.parse(line) as (typeof results)[string];
    process.stdout.write(`${line}\n`);
  }
  const { vad, novad, bare } = results as Record<
    Mode,
    (typeof results)[string]
  >;
  process.stdout.write(
    `\nstt bench: ${(vad.audioSec / 60).toFixed(1)} min stereo, model ${path.basename(model)}, ${threads} threads\n`,
  );
  process.stdout.write(
    `  pipeline, VAD on : RTF ${vad.rtf.toFixed(3)}  peak RSS ${vad.peakRssMb.toFixed(0)} MB\n`,
  );
  process.stdout.write(
    `  pipeline, VAD off: RTF ${novad.rtf.toFixed(3)}  peak RSS ${novad.peakRssMb.toFixed(0)} MB\n`,
  );
  process.stdout.write(
    `  bare binding     : RTF ${bare.rtf.toFixed(3)}  peak RSS ${bare.peakRssMb.toFixed(0)} MB\n`,
  );
  process.stdout.write(
    `  ratio pipeline(VAD on)/bare: ${(vad.rtf / bare.rtf).toFixed(2)}; VAD off/bare: ${(novad.rtf / bare.rtf).toFixed(2)}\n`,
  );
}

await main();
