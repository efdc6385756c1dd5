import type { Segment } from '../domain/transcript';
import { mapAnswer } from './answerMap';
import { itemByWording, type Expected } from './itemWording';
import { hasPhrase, hasStem, normalize, sentences } from './text';
import type { Instrument, InstrumentItem } from './types';

/** One spoken item question and the client's reply to it. */
export interface AskedItem {
  instrument: Instrument;
  item: InstrumentItem;
  questionId: string;
  replyIds: string[];
  start: number;
  end: number;
  roleUnknown: boolean;
  /** The question itself gave the time frame ("over the last two weeks"). */
  framed: boolean;
}

/** Words that show an instrument is being administered, not just chatted about. */
const FRAMING = [
  'how often',
  'last two weeks',
  'last 2 weeks',
  'past two weeks',
  'past 2 weeks',
  'bothered by',
  'check in questions',
  'questionnaire',
  'phq',
  'gad',
  'screening questions',
];

/** Words of the answer scale, used when the clinician clarifies an answer. */
const SCALE = [
  'several days',
  'more than half',
  'nearly every day',
  'not at all',
  'would you say',
  'how often',
];

const OPENERS =
  /^ (how|have|do|did|are|were|and|any|over the|what about|in the last|in the past) /;

/** A sentence of up to this many words may continue a run of items. */
const RUN_SENTENCE_WORDS = 15;
const RUN_GAP_SEC = 45;

/**
 * Walks the transcript and returns every item question the clinician asked,
 * each with the segments of the client's reply. A sentence is an item
 * question when it matches the item's cues and reads as a question, or, in
 * a run of items, when it is a short prompt ("Poor appetite or overeating").
 */
export function questionsIn(
  segments: Segment[],
  library: Instrument[],
): AskedItem[] {
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  const asked: AskedItem[] = [];

  ordered.forEach((segment, position) => {
    if (segment.role === 'client') return;
    if (segment.role === 'unknown' && answersOnly(segment)) return;
    const previous = asked.at(-1);
    const inRun =
      previous !== undefined && segment.start - previous.end <= RUN_GAP_SEC;
    const found = itemsInSegment(
      segment,
      library,
      inRun ? previous : undefined,
    );
    const replyIds =
      found.length > 0 ? repliesAfter(ordered, position, library) : [];

    found.forEach((match, order) => {
      const isLast = order === found.length - 1;
      asked.push({
        ...match,
        questionId: segment.id,
        replyIds: isLast ? replyIds : [],
        start: segment.start,
        end: segment.end,
        roleUnknown: segment.role === 'unknown',
      });
    });
  });
  return asked;
}

type Match = Pick<AskedItem, 'instrument' | 'item' | 'framed'>;

function itemsInSegment(
  segment: Segment,
  library: Instrument[],
  runFrom: Match | undefined,
): Match[] {
  const found: Match[] = [];
  let last = runFrom;
  for (const sentence of sentences(segment.text)) {
    const text = normalize(sentence);
    const framed = isFramed(sentence);
    const asking = isQuestion(sentence, text);
    const short = text.trim().split(' ').length <= RUN_SENTENCE_WORDS;
    const byCue =
      asking || (runFrom && short)
        ? bestItem(text, library, last?.instrument)
        : undefined;
    // Recognizer errors can hide every cue ("thought snap you would be mad
    // or off hand"); an item read close to its printed wording still counts
    // where an administration is plausible.
    const byWording =
      !byCue && (asking || framed || last)
        ? itemByWording(text, library, last && expectedAfter(last))
        : undefined;
    const best = byCue ?? byWording;
    if (!best) continue;
    last = { instrument: best.instrument, item: best.item, framed };
    found.push(last);
  }
  return found;
}

function expectedAfter(match: Match): Expected {
  return { instrument: match.instrument, index: match.item.index + 1 };
}

/** Whether a sentence names the instrument's time frame or the questionnaire. */
export function isFramed(text: string): boolean {
  const normalized = normalize(text);
  return FRAMING.some((cue) => hasPhrase(normalized, cue));
}

function isQuestion(raw: string, text: string): boolean {
  return (
    raw.trim().endsWith('?') ||
    OPENERS.test(text) ||
    hasPhrase(text, 'how often')
  );
}

/** The item whose cues match best; ties go to the instrument under way. */
function bestItem(
  text: string,
  library: Instrument[],
  current: Instrument | undefined,
) {
  let best:
    { instrument: Instrument; item: InstrumentItem; score: number } | undefined;
  for (const instrument of library) {
    for (const item of instrument.items) {
      const score = cueScore(text, item);
      const better =
        best === undefined ||
        score > best.score ||
        (score === best.score && instrument === current);
      if (score > 0 && better) best = { instrument, item, score };
    }
  }
  return best;
}

/** Sum of matched cue lengths; 0 unless every cue group matches. */
export function cueScore(text: string, item: InstrumentItem): number {
  let score = 0;
  for (const alternatives of item.cues ?? []) {
    const hits = alternatives.filter((cue) => hasStem(text, cue));
    if (hits.length === 0) return 0;
    score += hits.reduce((sum, cue) => sum + cue.length, 0);
  }
  return score;
}

/**
 * The client's reply: the segments after the question up to the next
 * clinician turn. A clinician turn that only clarifies the scale ("would
 * you say several days or more than half?") lets the reply run on.
 */
function repliesAfter(
  ordered: Segment[],
  position: number,
  library: Instrument[],
): string[] {
  const replies: string[] = [];
  let asker = ordered[position];
  for (const segment of ordered.slice(position + 1)) {
    if (replies.length >= 3) break;
    if (replies.length === 0 && asker && continues(asker, segment)) {
      asker = segment;
      continue;
    }
    if (segment.role === 'client') {
      replies.push(segment.id);
      continue;
    }
    if (segment.role === 'unknown' && soundsLikeReply(segment, library)) {
      replies.push(segment.id);
      continue;
    }
    if (!clarifies(segment, library)) break;
  }
  return replies;
}

/** Recognizers cut long questions; an unfinished one runs into the next segment. */
const CONTINUATION_GAP_SEC = 1;

function continues(question: Segment, next: Segment): boolean {
  return (
    question.role === 'clinician' &&
    next.role === question.role &&
    next.channel === question.channel &&
    next.start - question.end <= CONTINUATION_GAP_SEC &&
    !/[.?!]["')]*$/.test(question.text.trim())
  );
}

/** With no roles, a reply names no item, or names a frequency without asking. */
function soundsLikeReply(segment: Segment, library: Instrument[]): boolean {
  return !asksAnyItem(segment, library) || answersOnly(segment);
}

/** An unattributed segment that states a frequency and asks nothing. */
function answersOnly(segment: Segment): boolean {
  const asking = isQuestion(segment.text, normalize(segment.text));
  return !asking && mapAnswer(segment.text) !== null;
}

function clarifies(segment: Segment, library: Instrument[]): boolean {
  const text = normalize(segment.text);
  return (
    SCALE.some((cue) => hasPhrase(text, cue)) && !asksAnyItem(segment, library)
  );
}

function asksAnyItem(segment: Segment, library: Instrument[]): boolean {
  const text = normalize(segment.text);
  return library.some((instrument) =>
    instrument.items.some((item) => cueScore(text, item) > 0),
  );
}
