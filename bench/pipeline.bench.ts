/**
 * `npm run bench:pipeline`: the main job's wall time per step, real-time
 * factor, peak RSS and the time from end of audio to a ready draft, for the
 * demo session and for a 30-minute session concatenated from fixtures.
 * Real models (npm run fixtures); figures are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  appointmentSchema,
  type Appointment,
} from '../electron/core/domain/appointment';
import { PassphraseKeyStore } from '../electron/core/keys/passphraseKeyStore';
import { realEngines } from '../electron/core/pipeline/realEngines';
import { createSessionService } from '../electron/core/services/sessionService';
import { openStoreHandle } from '../electron/core/services/storeHandle';
import type { PipelineStep } from '../electron/core/services/types';

const SESSIONS = path.resolve('..', 'shared', 'fixtures', 'sessions');
const engine = process.argv.includes('--rules') ? 'rules' : 'llm';
const threads = Number(process.env['HUSHNOTE_THREADS'] ?? 2);

const appointment = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

/** Concatenates fixture sessions (stereo, 16 kHz) until `minutes` are reached. */
function longSession(dir: string, minutes: number): string {
  const parts = [
    'mi-session-medium.flac',
    'mi-session-short.flac',
    'cbt-phq9-demo.flac',
  ];
  const list: string[] = [];
  let seconds = 0;
  while (seconds < minutes * 60) {
    for (const part of parts) {
      const file = path.join(SESSIONS, part);
      list.push(`file '${file}'`);
      seconds += Number(
        execFileSync('ffprobe', [
          '-v',
          'error',
          '-show_entries',
          'format=duration',
          '-of',
          'csv=p=0',
          file,
        ]).toString(),
      );
    }
  }
  const listFile = path.join(dir, 'list.txt');
  execFileSync('sh', [
    '-c',
    `printf '%s\\n' "$@" > '${listFile}'`,
    'sh',
    ...list,
  ]);
  const out = path.join(dir, `session-${minutes}min.flac`);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    listFile,
    '-ar',
    '16000',
    '-ac',
    '2',
    out,
  ]);
  return out;
}

async function run(
  label: string,
  recording: string,
  appt: Appointment,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-bench-'));
  const store = await openStoreHandle({
    dataDir: dir,
    keyStore: new PassphraseKeyStore(
      path.join(dir, 'keys.json'),
      'bench passphrase',
      { N: 2 ** 12, r: 8, p: 1 },
    ),
  });
  const engines = realEngines({ threads });
  const service = createSessionService({
    store,
    engines,
    actor: () => appt.clinician.id,
  });
  const startedAt: Partial<Record<PipelineStep, number>> = {};
  const endedAt: Partial<Record<PipelineStep, number>> = {};

  const t0 = performance.now();
  const detail = await service.processRecording(appt, recording, {
    format: 'soap',
    engine,
    onProgress: (step, fraction) => {
      startedAt[step] ??= performance.now();
      if (fraction >= 1) endedAt[step] = performance.now();
    },
  });
  const total = (performance.now() - t0) / 1000;
  const audioSec = detail.transcript?.durationSec ?? 0;

  console.log(
    `\n${label}: ${(audioSec / 60).toFixed(1)} min of audio, engine ${engine}, threads ${threads}`,
  );
  for (const step of [
    'decode',
    'transcribe',
    'assess',
    'draft',
    'bill',
  ] as const) {
    const s = startedAt[step];
    const e = endedAt[step] ?? s;
    if (s !== undefined && e !== undefined)
      console.log(`  ${step.padEnd(10)} ${((e - s) / 1000).toFixed(2)} s`);
  }
  const draftReady = (endedAt.draft ?? 0) - (startedAt.assess ?? 0);
  console.log(
    `  total      ${total.toFixed(2)} s; real-time factor ${(total / audioSec).toFixed(3)}`,
  );
  console.log(
    `  end of audio to draft ready: ${total.toFixed(2)} s for a file processed afterwards; ` +
      `${(draftReady / 1000).toFixed(2)} s after live capture (assess + draft, transcription having kept up)`,
  );
  console.log(
    `  peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ` +
      `${detail.transcript?.segments.length ?? 0} segments, codes ${detail.billing?.suggestion.lines.map((l) => l.cpt).join(',') ?? '-'}`,
  );

  await engines.dispose();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
}

const scratch = mkdtempSync(path.join(tmpdir(), 'hushnote-bench-audio-'));
try {
  await run(
    'demo session',
    path.join(SESSIONS, 'cbt-phq9-demo.flac'),
    appointment,
  );
  const long = longSession(scratch, 30);
  await run('30-minute session', long, { ...appointment, id: 'appt-bench-30' });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
