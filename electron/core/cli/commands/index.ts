import type { Command } from 'commander';
import type { Output } from '../output';
import { assessCommand } from './assess';
import { auditCommand } from './audit';
import { cptCommand } from './cpt';
import { dbCommand } from './db';
import { draftCommand } from './draft';
import { ehrCommand } from './ehr';
import { modelsCommand } from './models';
import { processCommand } from './process';
import { serveCommand } from './serve';
import { transcribeCommand } from './transcribe';

/** A CLI command: it adds itself to the program. Keep handlers lazy. */
export interface CliCommand {
  define(program: Command, out: Output): void;
}

// One line per command; each module imports its heavy parts inside the action.
export const COMMANDS: CliCommand[] = [
  assessCommand,
  auditCommand,
  dbCommand,
  draftCommand,
  ehrCommand,
  processCommand,
  serveCommand,
  transcribeCommand,
  modelsCommand,
  cptCommand,
];
