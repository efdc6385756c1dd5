import { AppError } from '../../../contract/errors';
import type { BillingSuggestion } from '../../billing/types';
import type { Output } from '../output';
import type { CliCommand } from './index';

interface CptOptions {
  minutes: string;
  service: string;
  modality: string;
  clientLocation: string;
  payer: string;
  withEm?: boolean;
  credential: string;
  complexity?: string;
  sameDay?: string;
  participants?: string;
  daysSinceIntake?: string;
  json?: boolean;
}

const SERVICES = [
  'psychotherapy',
  'crisis',
  'family',
  'family-with-client',
  'group',
  'intake',
] as const;
const MODALITIES = ['video', 'audio', 'in-person'] as const;
const LOCATIONS = ['home', 'other'] as const;

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  flag: string,
): T {
  const found = allowed.find((a) => a === value);
  if (!found)
    throw new AppError(
      'invalid_request',
      `--${flag} must be one of ${allowed.join(', ')}.`,
    );
  return found;
}

function wholeNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n)) {
    throw new AppError('invalid_request', `--${flag} must be a number.`);
  }
  return n;
}

export const cptCommand: CliCommand = {
  define(program, out) {
    program
      .command('cpt')
      .description(
        'suggest CPT codes, units, modifiers and place of service for a session',
      )
      .requiredOption('--minutes <n>', 'measured face-to-face minutes')
      .option('--service <service>', SERVICES.join('|'), 'psychotherapy')
      .option('--modality <modality>', MODALITIES.join('|'), 'in-person')
      .option('--client-location <where>', LOCATIONS.join('|'), 'other')
      .option(
        '--payer <profile>',
        'payer profile under resources/payers (medicare, commercial)',
        'commercial',
      )
      .option(
        '--with-em',
        'an E/M is billed the same day (for intake: medical services)',
      )
      .option(
        '--credential <credential>',
        'rendering credential: LCSW, PhD, PsyD, MD, NP, LMFT, LPC...',
        'LCSW',
      )
      .option(
        '--complexity <factor>',
        'documented interactive complexity factor (90785)',
      )
      .option(
        '--same-day <codes>',
        'comma-separated codes already billed today by the same clinician',
      )
      .option('--participants <n>', 'group participants (90853)')
      .option(
        '--days-since-intake <n>',
        'days since the last diagnostic evaluation (90791/90792)',
      )
      .option('--json', 'print one JSON object')
      .action(async (opts: CptOptions) => {
        const { suggestCodes } = await import('../../billing/suggestCodes');
        const suggestion = suggestCodes({
          service: oneOf(opts.service, SERVICES, 'service'),
          minutes: wholeNumber(opts.minutes, 'minutes'),
          modality: oneOf(opts.modality, MODALITIES, 'modality'),
          clientLocation: oneOf(
            opts.clientLocation,
            LOCATIONS,
            'client-location',
          ),
          payerProfile: opts.payer,
          credential: opts.credential,
          withEm: opts.withEm === true,
          interactiveComplexity: opts.complexity
            ? { factor: opts.complexity }
            : null,
          sameDayCodes: opts.sameDay
            ? opts.sameDay.split(',').map((c) => c.trim())
            : [],
          ...(opts.daysSinceIntake
            ? {
                daysSinceLastIntake: wholeNumber(
                  opts.daysSinceIntake,
                  'days-since-intake',
                ),
              }
            : {}),
          ...(opts.participants
            ? {
                groupParticipants: wholeNumber(
                  opts.participants,
                  'participants',
                ),
              }
            : {}),
        });
        if (opts.json) out.json(suggestion);
        else printSuggestion(out, suggestion);
        if (suggestion.blocked) out.fail(2);
      });
  },
};

function printSuggestion(out: Output, s: BillingSuggestion): void {
  if (s.blocked) {
    out.stdout(`No billable code: ${s.blocked}\n`);
  }
  for (const line of s.lines) {
    const mods =
      line.modifiers.length > 0 ? `-${line.modifiers.join('-')}` : '';
    out.stdout(
      `${line.cpt}${mods}  x${line.units}  POS ${line.pos}  ${line.description}\n`,
    );
  }
  out.stdout(`place of service: ${s.placeOfService}\n`);
  for (const reason of s.reasons) out.stdout(`  because: ${reason}\n`);
  for (const warning of s.warnings) out.stdout(`  warning: ${warning}\n`);
}
