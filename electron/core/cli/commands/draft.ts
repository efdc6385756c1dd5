import type { CliCommand } from './index';

interface DraftOptions {
  format: string;
  engine: string;
  appointment?: string;
  model?: string;
  threads: string;
  context: string;
  json?: boolean;
}

/**
 * `hushnote draft TRANSCRIPT.json --format soap|birp|dap|girp
 * [--engine llm|rules] [--json]`: drafts a progress note from a transcript
 * (a saved Transcript or a session fixture). Progress goes to stderr.
 */
export const draftCommand: CliCommand = {
  define(program, out) {
    program
      .command('draft')
      .description('draft an evidence-linked progress note from a transcript')
      .argument(
        '<transcript>',
        'transcript JSON (segments, or a session fixture with utterances)',
      )
      .option(
        '--format <format>',
        'soap, birp, dap, girp or a custom template id',
        'soap',
      )
      .option('--engine <engine>', 'llm or rules', 'rules')
      .option(
        '--appointment <file>',
        'appointment JSON for session facts and goals',
      )
      .option('--model <file>', 'GGUF model (default: the provisioned fixture)')
      .option('--threads <n>', 'CPU threads for the model', '2')
      .option('--context <n>', 'model context size in tokens', '2048')
      .option('--json', 'print the draft as one JSON object')
      .action(async (file: string, opts: DraftOptions) => {
        const { runDraft } = await import('../../drafting/runDraft');
        const draft = await runDraft(file, opts, (line) => out.stderr(line));
        if (opts.json) {
          out.json(draft);
          return;
        }
        const { renderNoteText } = await import('../../notes/render');
        out.stdout(renderNoteText(draft));
      });
  },
};
