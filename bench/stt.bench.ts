/**
 * Speech pipeline benchmark: real-time factor (wall / audio seconds) and
 * peak RSS for the full pipeline with VAD gating on and off, and for the
 * binding's bare transcribe on the same audio, on a >= 10 min stereo session
 * made by concatenating the session fixtures.
 *
 * Streaming: the live pipeline fed as capture feeds it (0.5 s chunks per
 * channel), waiting after each chunk until every finalized region is
 * recognized. That is what a machine that keeps up does (each region goes
 * to Whisper alone, as soon as it closes), so its RTF below 1 means the
 * live pipeline's compute keeps up with real time.
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

type Mode = 'vad' | 'novad' | 'bare' | 'stream';
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
  if (mode === 'stream') {
    const out = await streamLive(file, model, threads);
    audioSec = out.audioSec;
    segments = out.segments;
  } else if (mode === 'bare') {
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

/** Chunk size of the streaming mode: capture delivers audio about this often. */
const LIVE_CHUNK_SEC = 0.5;

async function streamLive(
  file: string,
  model: string,
  threads: number,
): Promise<{ audioSec: number; segments: number }> {
  const { decodeAudio } = await import('../electron/core/speech/decode');
  const { LiveTranscriber } =
    await import('../electron/core/speech/liveTranscriber');
  const { SileroVad } = await import('../electron/core/speech/vad');
  const { createWhisperEngine } =
    await import('../electron/core/speech/whisperEngine');
  const audio = await decodeAudio(file);
  const engine = await createWhisperEngine({ modelPath: model, threads });
  const vad = await SileroVad.load();
  const live = new LiveTranscriber({
    engine,
    vad,
    roles: ['clinician', 'client'],
    language: 'en',
  });
  const total = audio.channels[0]?.length ?? 0;
  const step = Math.round(LIVE_CHUNK_SEC * 16000);
  for (let from = 0; from < total; from += step) {
    for (const [index, samples] of audio.channels.entries())
      await live.push(index, samples.subarray(from, from + step));
    await live.drain();
  }
  const transcript = await live.end();
  await engine.release();
  await vad.release();
  return {
    audioSec: audio.durationSec,
    segments: transcript.segments.length,
  };
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
    // A native handle (whisper or onnxruntime) can keep the loop alive after
    // release; the figures are written, so the child ends here.
    process.exit(0);
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

  const modes = (
    process.argv.includes('--modes')
      ? arg('modes', '').split(',')
      : ['vad', 'novad', 'bare', 'stream']
  ) as Mode[];
  const results: Record<
    string,
    { rtf: number; peakRssMb: number; wallSec: number; audioSec: number }
  > = {};
  for (const m of modes) {
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
  const first = Object.values(results)[0];
  process.stdout.write(
    `\nstt bench: ${((first?.audioSec ?? 0) / 60).toFixed(1)} min stereo, model ${path.basename(model)}, ${threads} threads\n`,
  );
  const labels: Record<Mode, string> = {
    vad: 'pipeline, VAD on ',
    novad: 'pipeline, VAD off',
    bare: 'bare binding     ',
    stream: 'live, 0.5 s chunks',
  };
  for (const m of modes) {
    const r = results[m];
    if (r)
      process.stdout.write(
        `  ${labels[m]}: RTF ${r.rtf.toFixed(3)}  peak RSS ${r.peakRssMb.toFixed(0)} MB\n`,
      );
  }
  const { vad, novad, bare, stream } = results;
  if (bare && vad && novad)
    process.stdout.write(
      `  ratio pipeline(VAD on)/bare: ${(vad.rtf / bare.rtf).toFixed(2)}; VAD off/bare: ${(novad.rtf / bare.rtf).toFixed(2)}\n`,
    );
  if (stream)
    process.stdout.write(
      `  streaming RTF ${stream.rtf.toFixed(3)}: live compute ${stream.rtf < 1 ? 'keeps up with' : 'falls behind'} real time\n`,
    );
}

await main();
