import type { Appointment } from '../domain/appointment';
import type { Transcript } from '../domain/transcript';
import type { DecodedAudio } from '../speech/decode';
import { detectAssessments } from '../assessments/detect';
import type { AssessmentResult } from '../assessments/types';
import { detectRiskFlags } from '../risk/detect';
import type { RiskFlag } from '../risk/types';
import { draftNote } from '../drafting/draftNote';
import type { Draft, DraftEngine, NoteFormat } from '../drafting/types';
import type { LlmEngine } from '../llm/LlmEngine';
import type { PipelineStep } from '../services/types';
import { billSession, type SessionBilling } from './billSession';
import { step } from './stepError';

/** The engines the main job runs on; real ones in the app, fakes in tests. */
export interface MainJobEngines {
  decode(path: string): Promise<DecodedAudio>;
  transcribe(
    audio: DecodedAudio,
    options: { onProgress: (fraction: number) => void; signal?: AbortSignal },
  ): Promise<Transcript>;
  /** Loaded only when the LLM engine is asked for. */
  llm?: () => Promise<LlmEngine>;
}

export interface MainJobInput {
  recordingPath: string;
  appointment: Appointment;
  format: NoteFormat;
  engine: DraftEngine;
  signal?: AbortSignal;
  onProgress?: (step: PipelineStep, fraction: number) => void;
}

export interface MainJobResult {
  audio: { durationSec: number; channels: number };
  transcript: Transcript;
  assessments: AssessmentResult[];
  riskFlags: RiskFlag[];
  draft: Draft;
  billing: SessionBilling;
}

/** Hooks that save each step's output as soon as it exists. */
export interface MainJobSink {
  decoded?(audio: DecodedAudio): void;
  transcribed?(transcript: Transcript): void;
  assessed?(assessments: AssessmentResult[], riskFlags: RiskFlag[]): void;
  drafted?(draft: Draft): void;
}

/**
 * From a session recording and its appointment to a draft note, proposed
 * assessments, risk flags and a billing suggestion. Each step reports
 * progress and, on failure, throws a StepError naming itself; the sink
 * has already saved what the earlier steps produced.
 */
export async function runMainJob(
  engines: MainJobEngines,
  input: MainJobInput,
  sink: MainJobSink = {},
): Promise<MainJobResult> {
  const progress = input.onProgress ?? (() => undefined);

  const audio = await step('decode', async () => {
    progress('decode', 0);
    const decoded = await engines.decode(input.recordingPath);
    sink.decoded?.(decoded);
    progress('decode', 1);
    return decoded;
  });

  const transcript = await step('transcribe', async () => {
    const result = await engines.transcribe(audio, {
      onProgress: (f) => progress('transcribe', f),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    sink.transcribed?.(result);
    return result;
  });

  const { assessments, riskFlags } = await step('assess', () => {
    progress('assess', 0);
    const found = detectAssessments(transcript.segments);
    const flags = detectRiskFlags(transcript.segments, found);
    sink.assessed?.(found, flags);
    progress('assess', 1);
    return { assessments: found, riskFlags: flags };
  });

  const draft = await step('draft', () =>
    draftWith(engines, input, transcript, assessments, riskFlags, sink),
  );

  const billing = await step('bill', () => {
    progress('bill', 0);
    const result = billSession(input.appointment, draft);
    progress('bill', 1);
    return result;
  });

  return {
    audio: { durationSec: audio.durationSec, channels: audio.channels.length },
    transcript,
    assessments,
    riskFlags,
    draft,
    billing,
  };
}

async function draftWith(
  engines: MainJobEngines,
  input: MainJobInput,
  transcript: Transcript,
  assessments: AssessmentResult[],
  riskFlags: RiskFlag[],
  sink: MainJobSink,
): Promise<Draft> {
  const progress = input.onProgress ?? (() => undefined);
  progress('draft', 0);
  const llm =
    input.engine === 'llm' && engines.llm ? await engines.llm() : undefined;
  let sections = 0;
  const draft = await draftNote({
    transcript,
    appointment: input.appointment,
    format: input.format,
    engine: input.engine,
    riskFlags,
    assessments,
    ...(llm ? { llm } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    onProgress: (event) => {
      if (event.stage === 'map') {
        sections = event.chunks;
        progress('draft', event.chunk / Math.max(1, sections + 1));
      }
    },
  });
  sink.drafted?.(draft);
  progress('draft', 1);
  return draft;
}
