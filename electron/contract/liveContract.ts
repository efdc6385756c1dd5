import { z } from 'zod';
import type { AssessmentView, RiskFlagView, SegmentView } from './views';

/**
 * The live session screen's channels (issue #10): what the streaming
 * pipeline has heard so far, and the clinician's quick entry of PHQ-9 or
 * GAD-7 answers during the session.
 */

/** Instruments offered for quick entry during a session. */
export const QUICK_INSTRUMENTS = ['phq9', 'gad7'] as const;
export type QuickInstrument = (typeof QUICK_INSTRUMENTS)[number];

const sessionId = z.string().min(1).max(200);

export const liveRefSchema = z.object({ sessionId }).strict();

export const recordAssessmentSchema = z
  .object({
    sessionId,
    instrumentId: z.enum(QUICK_INSTRUMENTS),
    /** Item 1 first; null for an item not asked or not answered. */
    answers: z.array(z.number().int().min(0).max(3).nullable()).max(10),
  })
  .strict();

/** The live transcript and risk flags of the recording in progress. */
export interface LiveTranscriptView {
  sessionId: string;
  segments: SegmentView[];
  flags: RiskFlagView[];
}

/** A saved quick entry, scored, and any risk flag its answers raise. */
export interface RecordedAssessmentView {
  assessment: AssessmentView;
  flags: RiskFlagView[];
}

export interface InstrumentOptionView {
  value: number;
  label: string;
}

/** An instrument as the quick-entry form shows it. */
export interface InstrumentView {
  id: QuickInstrument;
  name: string;
  stem: string;
  options: InstrumentOptionView[];
  items: {
    index: number;
    text: string;
    scored: boolean;
    options?: InstrumentOptionView[];
  }[];
  /** Items whose answer above 0 raises a risk flag (PHQ-9 item 9). */
  riskItems: number[];
}
