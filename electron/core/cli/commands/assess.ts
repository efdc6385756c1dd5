import type { CliCommand } from './index';
import type { Output } from '../output';
import type { AssessmentResult } from '../../assessments/types';
import type { RiskFlag } from '../../risk/types';

interface AssessOptions {
  instrument?: string;
  answers?: string;
  transcript?: string;
  json?: boolean;
}

/**
 * `hushnote assess --instrument phq9 --answers 2,3,3,2,1,2,1,0,1` scores a
 * form; `hushnote assess --transcript T.json` proposes the instruments
 * administered aloud and the risk flags heard. `--json` prints one object:
 * { assessments, flags }.
 */
export const assessCommand: CliCommand = {
  define(program, out) {
    program
      .command('assess')
      .description(
        'score PHQ-9/GAD-7 answers, or find assessments and risk flags in a transcript',
      )
      .option('--instrument <id>', 'instrument id: phq9, phq2, gad7, gad2')
      .option(
        '--answers <list>',
        'answers in item order, comma separated; blank or - when missing',
      )
      .option(
        '--transcript <file>',
        'transcript JSON: { segments } or { utterances }',
      )
      .option('--json', 'print one JSON object')
      .action(async (opts: AssessOptions) => {
        const { AppError } = await import('../../../contract/errors');
        const assessments = await assessmentsFor(opts, AppError);
        const segments = opts.transcript
          ? await readSegments(opts.transcript)
          : [];
        const { detectRiskFlags } = await import('../../risk/detect');
        const flags = detectRiskFlags(segments, assessments);

        if (opts.json) out.json({ assessments, flags });
        else await printText(out, assessments, flags);
      });
  },
};

async function assessmentsFor(
  opts: AssessOptions,
  AppError: typeof import('../../../contract/errors').AppError,
): Promise<AssessmentResult[]> {
  if (opts.transcript) {
    const { detectAssessments } = await import('../../assessments/detect');
    return detectAssessments(await readSegments(opts.transcript));
  }
  if (!opts.instrument || opts.answers === undefined) {
    throw new AppError(
      'invalid_request',
      'Give --instrument and --answers, or --transcript.',
    );
  }
  const { parseAnswerList, scoreAssessment } =
    await import('../../assessments/score');
  return [scoreAssessment(opts.instrument, parseAnswerList(opts.answers))];
}

async function readSegments(file: string) {
  const { readFile } = await import('node:fs/promises');
  const { AppError } = await import('../../../contract/errors');
  const { segmentsFromJson } = await import('../../assessments/transcriptFile');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('not_found', 'The transcript file could not be read.');
  });
  try {
    return segmentsFromJson(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new AppError(
        'invalid_request',
        'The transcript file is not valid JSON.',
      );
    }
    throw error;
  }
}

async function printText(
  out: Output,
  assessments: AssessmentResult[],
  flags: RiskFlag[],
) {
  const { getInstrument } = await import('../../assessments/instruments');
  if (assessments.length === 0) out.stdout('No assessment found.\n');
  for (const result of assessments) {
    const name = getInstrument(result.instrumentId).name;
    const total =
      result.total === null
        ? 'no total (too many items missing)'
        : String(result.total);
    const notes = [
      result.prorated ? 'prorated' : '',
      result.status === 'proposed' ? 'proposed' : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.stdout(
      `${name}: ${total}${result.severity ? `, ${result.severity}` : ''}`,
    );
    out.stdout(`${notes ? ` (${notes})` : ''}\n`);
    out.stdout(
      `  answers: ${result.answers.map((a) => (a === null ? '-' : String(a))).join(',')}\n`,
    );
  }
  out.stdout(flags.length === 0 ? 'Risk flags: none\n' : 'Risk flags:\n');
  for (const flag of flags) {
    const at = flag.evidence[0]
      ? ` at ${flag.evidence[0].start.toFixed(1)}s`
      : '';
    out.stdout(`  ${flag.severity.toUpperCase()} ${flag.type}${at}`);
    out.stdout(`${flag.detail ? `: ${flag.detail}` : ''}\n`);
    for (const denial of flag.denials)
      out.stdout(`    denied: ${denial.about}\n`);
  }
}
