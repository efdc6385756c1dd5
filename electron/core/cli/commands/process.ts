import type { CliCommand } from './index';

export interface ProcessFlags {
  appointment: string;
  format: string;
  engine: string;
  ehr?: string;
  signAs?: string;
  json?: boolean;
  summary?: boolean;
  dataDir?: string;
  whisperModel?: string;
  llmModel?: string;
  channels: string;
  threads: string;
}

export const processCommand: CliCommand = {
  define(program, out) {
    program
      .command('process')
      .description(
        'the main job: recording + appointment -> transcript, assessments, risk flags, draft note, codes and claim',
      )
      .argument(
        '<recording>',
        'session recording (wav, flac, mp3, m4a, ogg/opus, webm)',
      )
      .requiredOption(
        '--appointment <file>',
        'appointment JSON (client, payer, clinician, times)',
      )
      .option(
        '--format <format>',
        'note format: soap, birp, dap, girp or a custom template',
        'soap',
      )
      .option('--engine <engine>', 'drafting engine: llm or rules', 'llm')
      .option(
        '--ehr <url|sandbox>',
        'deliver to a FHIR R4 server, or start a local sandbox one',
      )
      .option(
        '--sign-as <clinician>',
        'sign and deliver without review (unattended demos only)',
      )
      .option('--json', 'print one result object on stdout')
      .option('--summary', 'print a readable summary of everything produced')
      .option(
        '--data-dir <dir>',
        'where the encrypted store lives (default HUSHNOTE_DATA_DIR)',
      )
      .option('--whisper-model <path>', 'a ggml Whisper model file')
      .option('--llm-model <path>', 'a GGUF instruct model file')
      .option('--channels <list>', 'what each channel carries', 'mic,system')
      .option('--threads <n>', 'CPU threads for Whisper and the LLM', '2')
      .action(async (recording: string, flags: ProcessFlags) => {
        const { runProcess } = await import('../process/runProcess');
        await runProcess(recording, flags, out);
      });
  },
};
