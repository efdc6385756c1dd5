import { Command, CommanderError } from 'commander';
import { isAppError } from '../../contract/errors';
import { COMMANDS } from './commands/index';
import { createOutput } from './output';

/**
 * Entry for `npx hushnote`. Each command lives in its own module under
 * commands/ and is loaded only when used, so `--help` stays fast.
 */
export async function main(argv: string[]): Promise<number> {
  const out = createOutput();
  const program = new Command('hushnote')
    .description(
      'Hushnote: offline notes and billing for behavioral-health sessions',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out.stdout(text),
      writeErr: (text) => out.stderr(text),
    });

  for (const command of COMMANDS) command.define(program, out);

  try {
    await program.parseAsync(argv);
    return out.exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode;
    }
    if (isAppError(error)) {
      out.stderr(`hushnote: ${error.kind}: ${error.message}\n`);
      return 1;
    }
    out.stderr('hushnote: internal error\n');
    out.stderr(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
