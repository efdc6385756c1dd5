/**
 * The shape of a drafted progress note. A draft is sections of sentences,
 * and every sentence carries its evidence: the transcript segments that
 * support it, or the appointment field it restates. A statement with no
 * evidence is never emitted as fact (issue #6).
 */

/** Built-in note formats; custom templates may add their own ids. */
export const BUILT_IN_FORMATS = ['soap', 'birp', 'dap', 'girp'] as const;
export type BuiltInFormat = (typeof BUILT_IN_FORMATS)[number];
export type NoteFormat = BuiltInFormat | (string & {});

export type DraftEngine = 'llm' | 'rules';

/** Appointment facts a sentence may restate (DOMAIN.md 1.9 items 1-2, 8). */
export const APPOINTMENT_FIELDS = [
  'date',
  'times',
  'modality',
  'clientLocation',
  'participants',
  'service',
  'diagnoses',
  'goals',
] as const;
export type AppointmentField = (typeof APPOINTMENT_FIELDS)[number];

/** Transcript segments supporting a sentence, with their time span. */
export interface SegmentEvidence {
  segmentIds: string[];
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

/** A session fact taken from the appointment, not from speech. */
export interface AppointmentEvidence {
  appointment: AppointmentField;
}

export type Evidence = SegmentEvidence | AppointmentEvidence;

export interface DraftSentence {
  id: string;
  text: string;
  /** The fact kind (`homework`, `risk`, ...) the sentence states. */
  kind?: string;
  evidence: Evidence;
  /** Set when the support is thin (one short segment, low confidence). */
  lowEvidence?: boolean;
}

export interface DraftSection {
  /** The template's section id (`subjective`, `behavior`, ...). */
  id: string;
  title: string;
  sentences: DraftSentence[];
}

export interface Draft {
  format: NoteFormat;
  sections: DraftSection[];
  /** True when the session held no clinical content: never an invented note. */
  noContent?: boolean;
  engine: DraftEngine;
  /** The model file's name when the LLM engine drafted it. */
  model?: string;
  /** When the LLM failed and the rules drafter stepped in. */
  fallbackReason?: string;
  /**
   * Some model output was cut or unusable twice and its part was drafted by
   * the rules instead: the clinician must edit before signing.
   */
  incomplete?: boolean;
  /** Measured model usage, for progress, benches and budget checks. */
  stats?: LlmStats;
}

/** Measured usage of the model while drafting one note. */
export interface LlmStats {
  calls: number;
  failedCalls: number;
  outputTokens: number;
  /** Largest measured context fill of any call; never above contextSize. */
  maxContextTokens: number;
  contextSize: number;
  /** From the first call's start to its first output token. */
  firstTokenMs: number | null;
  /** Time to first token summed over calls: prompt evaluation. */
  promptMs: number;
  llmMs: number;
}

/** Progress of a draft in flight, for the UI and the CLI. */
export type DraftProgress =
  | { stage: 'start'; engine: DraftEngine; chunks: number }
  | { stage: 'map'; chunk: number; chunks: number }
  | { stage: 'token'; tokens: number }
  | { stage: 'reduce' }
  | { stage: 'retry'; reason: 'truncated' | 'invalid' }
  | { stage: 'done'; sentences: number };

export function isSegmentEvidence(
  evidence: Evidence,
): evidence is SegmentEvidence {
  return 'segmentIds' in evidence;
}
