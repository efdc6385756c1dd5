import type { CliCommand } from './index';

interface TranscribeFlags {
  model?: string;
  channels?: string;
  language: string;
  threads: string;
  json?: boolean;
}

export const transcribeCommand: CliCommand = {
  define(program, out) {
    program
      .command('transcribe')
      .description(
        'transcribe a session recording with the local Whisper model',
      )
      .argument('<file>', 'recording: wav, flac, mp3, m4a, ogg/opus or webm')
      .option(
        '--model <name|path>',
        'a model name from `models list`, or a ggml file',
      )
      .option('--channels <list>', 'what each channel carries, e.g. mic,system')
      .option(
        '--language <code>',
        'spoken language (en, es); never translated',
        'en',
      )
      .option('--threads <n>', 'whisper threads', '2')
      .option('--json', 'print {durationSec, segments, ...} as one JSON object')
      .action(async (file: string, flags: TranscribeFlags) => {
        const { transcribeRecording } =
          await import('../../speech/transcribeRecording');
        const { parseChannels } = await import('../../speech/roles');

        const transcript = await transcribeRecording(file, {
          ...(flags.model ? { modelPath: flags.model } : {}),
          ...(flags.channels
            ? { channels: parseChannels(flags.channels) }
            : {}),
          language: flags.language,
          threads: Math.max(1, Number(flags.threads) || 2),
          onProgress: (f) => {
            if (!flags.json)
              out.stderr(`\rtranscribing ${Math.round(f * 100)}%`);
          },
        });
        if (flags.json) {
          out.json(transcript);
          return;
        }
        out.stderr('\n');
        for (const s of transcript.segments) {
          out.stdout(
            `[${clock(s.start)} - ${clock(s.end)}] ${s.role}: ${s.text}\n`,
          );
        }
        for (const f of transcript.failedRegions) {
          out.stdout(
            `[${clock(f.start)} - ${clock(f.end)}] (not transcribed: ${f.reason})\n`,
          );
        }
        if (transcript.silentChannels.length) {
          out.stderr(
            `silent channel(s): ${transcript.silentChannels.join(', ')}\n`,
          );
        }
      });
  },
};

function clock(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = (sec % 60).toFixed(1).padStart(4, '0');
  return `${String(m).padStart(2, '0')}:${s}`;
}
