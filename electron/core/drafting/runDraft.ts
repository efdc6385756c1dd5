import { readFileSync } from 'node:fs';
import { AppError, isAppError } from '../../contract/errors';
import { detectAssessments } from '../assessments/detect';
import { appointmentSchema, type Appointment } from '../domain/appointment';
import { draftNote } from './draftNote';
import { readTranscriptFile } from './transcriptFile';
import type { Draft, DraftProgress } from './types';
import type { LlmEngine } from '../llm/LlmEngine';
import { detectRiskFlags } from '../risk';

export interface RunDraftOptions {
  format: string;
  engine: string;
  appointment?: string;
  model?: string;
  threads: string;
  context: string;
}

/** The draft command's work, loaded only when the command runs. */
export async function runDraft(
  file: string,
  opts: RunDraftOptions,
  progress: (line: string) => void,
): Promise<Draft> {
  if (opts.engine !== 'llm' && opts.engine !== 'rules')
    throw new AppError('invalid_request', '--engine must be llm or rules.');
  const transcript = readTranscriptFile(file);
  const assessments = detectAssessments(transcript.segments);
  const riskFlags = detectRiskFlags(transcript.segments, assessments);
  const appointment = opts.appointment
    ? readAppointment(opts.appointment)
    : undefined;
  const llm =
    opts.engine === 'llm' ? await openModel(opts, progress) : undefined;

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    return await draftNote({
      transcript,
      ...(appointment ? { appointment } : {}),
      format: opts.format,
      engine: opts.engine,
      riskFlags,
      assessments,
      ...(llm ? { llm } : {}),
      signal: controller.signal,
      onProgress: (e) => reportProgress(e, progress),
    });
  } finally {
    process.off('SIGINT', stop);
    await llm?.dispose();
  }
}

/** No model is not fatal: the draft falls back to the rules and says so. */
async function openModel(
  opts: RunDraftOptions,
  progress: (line: string) => void,
): Promise<LlmEngine | undefined> {
  try {
    const { llmModelPath } = await import('../models/fixtures');
    const { loadLlamaEngine } = await import('../llm/llamaEngine');
    return await loadLlamaEngine({
      modelPath: opts.model ?? llmModelPath(),
      threads: positive(opts.threads, '--threads'),
      contextSize: positive(opts.context, '--context'),
    });
  } catch (error) {
    if (
      !isAppError(error) ||
      (error.kind !== 'model_missing' && error.kind !== 'model_corrupt')
    )
      throw error;
    progress(
      `hushnote: ${error.kind}: ${error.message} Drafting with the rules engine.\n`,
    );
    return undefined;
  }
}

function readAppointment(file: string): Appointment {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError(
      'invalid_request',
      'The appointment file could not be read as JSON.',
      { cause },
    );
  }
  const parsed = appointmentSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'invalid_request',
      'The appointment file is not a valid appointment.',
    );
  return parsed.data;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError(
      'invalid_request',
      `${name} must be a positive whole number.`,
    );
  return n;
}

function reportProgress(
  event: DraftProgress,
  progress: (line: string) => void,
): void {
  if (event.stage === 'token') return;
  if (event.stage === 'map')
    progress(`reading part ${event.chunk} of ${event.chunks}\n`);
  else if (event.stage === 'reduce') progress('composing the note\n');
  else if (event.stage === 'retry')
    progress(`model output ${event.reason}; retrying\n`);
}
