import type { Segment } from '../domain/transcript';
import { log } from '../log/logger';
import { mapAnswer } from './answerMap';
import { instruments, optionsFor } from './instruments';
import { isFramed, questionsIn, type AskedItem } from './questions';
import { scoreWith } from './score';
import type {
  AssessmentItemResult,
  AssessmentResult,
  Instrument,
} from './types';

/** Below this confidence an item is left null for the clinician to answer. */
export const PROPOSE_AT = 0.6;

/**
 * An instrument counts as administered when at least two of its items were
 * asked and the clinician framed them ("over the last two weeks, how
 * often..."), or, unframed, when four or more items were asked and three got
 * answers in the scale's own terms. Chatting about sleep and energy is not
 * a PHQ-9.
 */
const MIN_ITEMS_FRAMED = 2;
const MIN_ITEMS_UNFRAMED = 4;
const MIN_SCALE_ANSWERS = 3;
const PREAMBLE_SEC = 60;

/**
 * Finds instruments administered aloud in a transcript and proposes their
 * answers. Each asked item carries the question and answer segments, the
 * client's words and a confidence; items below PROPOSE_AT keep a
 * `suggested` score but a null answer, so the clinician decides. Results
 * are proposals (status "proposed") until the clinician confirms them.
 * A transcript with no administration yields no results.
 */
export function detectAssessments(
  segments: Segment[],
  library: Map<string, Instrument> = instruments(),
): AssessmentResult[] {
  const full = [...library.values()].filter((entry) => !entry.subsetOf);
  const asked = questionsIn(segments, full);
  const results: AssessmentResult[] = [];

  for (const instrument of full) {
    const mine = asked.filter((entry) => entry.instrument === instrument);
    const distinct = new Set(mine.map((entry) => entry.item.index));
    const result = buildResult(
      reported(instrument, distinct, library),
      mine,
      segments,
    );
    if (administered(mine, distinct.size, result, segments))
      results.push(result);
  }

  results.sort((a, b) => firstHeard(a) - firstHeard(b));
  log().info('assessments.detected', {
    segments: segments.length,
    found: results.length,
  });
  return results;
}

function firstHeard(result: AssessmentResult): number {
  const starts = result.items.flatMap((item) =>
    item.evidence ? [item.evidence.start] : [],
  );
  return Math.min(...starts);
}

function administered(
  asks: AskedItem[],
  distinct: number,
  result: AssessmentResult,
  segments: Segment[],
): boolean {
  const first = asks[0];
  if (!first || distinct < MIN_ITEMS_FRAMED) return false;
  const preamble = segments.some(
    (segment) =>
      segment.role !== 'client' &&
      segment.start >= first.start - PREAMBLE_SEC &&
      segment.start <= first.start &&
      isFramed(segment.text),
  );
  if (preamble || asks.some((ask) => ask.framed)) return true;

  const scaleAnswers = result.items.filter(
    (item) => (item.confidence ?? 0) >= 0.85,
  ).length;
  return distinct >= MIN_ITEMS_UNFRAMED && scaleAnswers >= MIN_SCALE_ANSWERS;
}

/** PHQ-9 with only items 1-2 asked is reported as PHQ-2 (GAD-2 likewise). */
function reported(
  instrument: Instrument,
  askedItems: Set<number>,
  library: Map<string, Instrument>,
): Instrument {
  const subset = [...library.values()].find(
    (entry) => entry.subsetOf === instrument.id,
  );
  if (!subset) return instrument;
  const beyond = [...askedItems].some((index) => index > subset.items.length);
  return beyond ? instrument : subset;
}

function buildResult(
  instrument: Instrument,
  asked: AskedItem[],
  segments: Segment[],
): AssessmentResult {
  const items = instrument.items.map((entry): AssessmentItemResult => {
    // Follow-ups reuse an item's words ("have you thought about how you
    // would hurt yourself?"), so the first confident answer wins; a re-ask
    // only fills an item that had none.
    const base = { index: entry.index, linkId: entry.linkId };
    const tries = asked
      .filter((ask) => ask.item.index === entry.index)
      .map((ask) => answerItem(base, ask, segments));
    return (
      tries.find((item) => item.answer !== null) ??
      tries.at(-1) ?? { ...base, answer: null }
    );
  });
  const answers = items.map((entry) => entry.answer);
  return scoreWith(instrument, answers, 'verbal', items);
}

function answerItem(
  base: { index: number; linkId: string },
  ask: AskedItem,
  segments: Segment[],
): AssessmentItemResult {
  const options = optionsFor(ask.instrument, base.index);
  const replies = ask.replyIds
    .map((id) => segments.find((segment) => segment.id === id))
    .filter((segment): segment is Segment => segment !== undefined);
  const quote = replies.map((segment) => segment.text).join(' ');
  const mapped = quote ? mapAnswer(quote, options) : null;
  const confidence = mapped ? adjust(mapped.confidence, ask, replies) : 0;
  const last = replies.at(-1);

  const result: AssessmentItemResult = {
    ...base,
    answer: mapped && confidence >= PROPOSE_AT ? mapped.value : null,
    confidence,
    evidence: {
      segmentIds: [ask.questionId, ...ask.replyIds],
      quote,
      start: replies[0]?.start ?? ask.start,
      end: last?.end ?? ask.end,
    },
  };
  if (mapped && result.answer === null) result.suggested = mapped.value;
  return result;
}

/** Unknown speakers and poorly recognized speech lower confidence. */
function adjust(
  confidence: number,
  ask: AskedItem,
  replies: Segment[],
): number {
  let value = confidence;
  if (ask.roleUnknown || replies.some((reply) => reply.role === 'unknown'))
    value -= 0.1;
  const heard = Math.min(...replies.map((reply) => reply.confidence));
  if (heard < 0.5) value -= 0.2;
  return Math.max(0, Math.round(value * 100) / 100);
}
