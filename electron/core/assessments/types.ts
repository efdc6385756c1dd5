/**
 * Assessment instruments (PHQ-9, GAD-7, ...) and their scored results.
 * Instruments are data under resources/instruments/; nothing here names a
 * particular instrument, so AUDIT-C or PCL-5 need only a new JSON file.
 */

/** One answer choice; `code` is the LOINC answer (LA) code when one exists. */
export interface AnswerOption {
  value: number;
  label: string;
  code?: string;
}

/** One question of an instrument, 1-based `index` in administration order. */
export interface InstrumentItem {
  index: number;
  /** Stable id used as QuestionnaireResponse `linkId` (the LOINC code). */
  linkId: string;
  text: string;
  loinc?: string;
  /** False for items kept but never summed (PHQ-9 item 10). */
  scored: boolean;
  /** Overrides the instrument's options (PHQ-9 item 10 has its own). */
  options?: AnswerOption[];
  /**
   * Phrases that identify a spoken paraphrase of this item. Each entry is a
   * group of alternatives; all groups must match (see verbal detection).
   */
  cues?: string[][];
}

/** A severity band over the total, inclusive on both ends. */
export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

export interface Instrument {
  id: string;
  name: string;
  title: string;
  stem: string;
  copyright?: string;
  loincPanel?: string;
  loincTotal?: string;
  /** Canonical Questionnaire URL for QuestionnaireResponse.questionnaire. */
  questionnaire?: string;
  /** Shared answer choices, lowest score first. */
  options: AnswerOption[];
  items: InstrumentItem[];
  bands: SeverityBand[];
  /** A total at or above this is a positive screen (PHQ-2 >= 3). */
  positiveAt?: number;
  /**
   * Partial answers: a total is computed (prorated) only when at most
   * `maxMissing` scored items are missing; otherwise the total is null.
   */
  proration: { maxMissing: number };
  /** Items whose answer above 0 must raise a risk flag (PHQ-9 item 9). */
  riskItems?: number[];
  /** The larger instrument this one is the first items of (PHQ-2 of PHQ-9). */
  subsetOf?: string;
  /** A total below this counts as remission in trends (PHQ-9 < 5). */
  remissionBelow?: number;
  /** Where the bands, codes and policies come from. */
  sources?: string[];
}

/** Where an answer came from in a transcript. */
export interface AnswerEvidence {
  /** The question segment(s) then the answer segment(s). */
  segmentIds: string[];
  /** The client's words, for the clinician to check; never logged. */
  quote: string;
  start: number;
  end: number;
}

export interface AssessmentItemResult {
  index: number;
  linkId: string;
  /** Null when unanswered or, for verbal items, too uncertain to propose. */
  answer: number | null;
  /** Verbal only: how sure the detector is of `answer` (0..1). */
  confidence?: number;
  /** Verbal only: the best guess kept for the clinician when `answer` is null. */
  suggested?: number;
  evidence?: AnswerEvidence;
}

export type AssessmentSource = 'form' | 'verbal';

/**
 * A scored administration. `answers` holds every item in order (scored and
 * unscored); `total` sums scored items only, prorated per the instrument's
 * policy, and is null when too many are missing. Verbal results are
 * proposals until the clinician confirms them.
 */
export interface AssessmentResult {
  instrumentId: string;
  answers: (number | null)[];
  total: number | null;
  severity: string | null;
  prorated: boolean;
  /** Scored items without an answer. */
  missing: number;
  positive?: boolean;
  source: AssessmentSource;
  status: 'proposed' | 'confirmed';
  items: AssessmentItemResult[];
}

/** One point of a client's score history (for the trend chart). */
export interface TrendPoint {
  date: string;
  total: number | null;
  severity: string | null;
  prorated: boolean;
  /** Change from the previous point with a total; null for the first. */
  change: number | null;
}
