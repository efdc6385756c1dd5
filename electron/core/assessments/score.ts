import { AppError } from '../../contract/errors';
import { getInstrument, optionsFor } from './instruments';
import type {
  AssessmentItemResult,
  AssessmentResult,
  AssessmentSource,
  Instrument,
} from './types';

/**
 * Scores one administration from its answers, item 1 first; `null` marks an
 * unanswered item. A total of 0 is a real score. Unscored items (PHQ-9
 * item 10) are kept in `answers` but never summed.
 *
 * Partial answers follow one policy everywhere (forms, verbal, FHIR
 * import, CLI): when at most `proration.maxMissing` scored items are missing
 * the total is prorated (mean of answered items x number of scored items,
 * rounded half up) and `prorated` is true; otherwise total and severity are
 * null. PHQ-9 allows 2 missing, GAD-7 1, PHQ-2 and GAD-2 none. The PHQ
 * scoring manual defines no proration (DOMAIN.md 3.2), so this is a product
 * policy, kept in each instrument's JSON.
 */
export function scoreAssessment(
  instrumentId: string,
  answers: (number | null)[],
): AssessmentResult {
  const instrument = getInstrument(instrumentId);
  return scoreWith(instrument, answers, 'form');
}

/** As scoreAssessment, for a loaded instrument and any source. */
export function scoreWith(
  instrument: Instrument,
  answers: (number | null)[],
  source: AssessmentSource,
  items?: AssessmentItemResult[],
): AssessmentResult {
  const full = normalizeAnswers(instrument, answers);
  const { total, prorated, missing } = totalOf(instrument, full);
  const result: AssessmentResult = {
    instrumentId: instrument.id,
    answers: full,
    total,
    severity: total === null ? null : severityOf(instrument, total),
    prorated,
    missing,
    source,
    status: source === 'form' ? 'confirmed' : 'proposed',
    items: items ?? formItems(instrument, full),
  };
  if (instrument.positiveAt !== undefined && total !== null) {
    result.positive = total >= instrument.positiveAt;
  }
  return result;
}

function normalizeAnswers(instrument: Instrument, answers: (number | null)[]) {
  if (answers.length > instrument.items.length) {
    throw new AppError(
      'invalid_request',
      `${instrument.name} has ${instrument.items.length} items; got ${answers.length} answers.`,
    );
  }
  return instrument.items.map((entry, position) => {
    const answer = answers[position] ?? null;
    if (answer === null) return null;
    const allowed = optionsFor(instrument, entry.index).map(
      (choice) => choice.value,
    );
    if (!Number.isInteger(answer) || !allowed.includes(answer)) {
      throw new AppError(
        'invalid_request',
        `${instrument.name} item ${entry.index} must be one of ${allowed.join(', ')}.`,
      );
    }
    return answer;
  });
}

function totalOf(instrument: Instrument, answers: (number | null)[]) {
  const scored = instrument.items.filter((entry) => entry.scored);
  const given = scored
    .map((entry) => answers[entry.index - 1] ?? null)
    .filter((answer): answer is number => answer !== null);
  const missing = scored.length - given.length;
  const sum = given.reduce((acc, answer) => acc + answer, 0);

  if (missing === 0) return { total: sum, prorated: false, missing };
  if (missing > instrument.proration.maxMissing || given.length === 0) {
    return { total: null, prorated: false, missing };
  }
  const total = Math.round((sum / given.length) * scored.length);
  return { total, prorated: true, missing };
}

/** The band label for a total, or null when no band covers it. */
export function severityOf(
  instrument: Instrument,
  total: number,
): string | null {
  const band = instrument.bands.find(
    (entry) => total >= entry.min && total <= entry.max,
  );
  return band?.label ?? null;
}

function formItems(instrument: Instrument, answers: (number | null)[]) {
  return instrument.items.map((entry) => ({
    index: entry.index,
    linkId: entry.linkId,
    answer: answers[entry.index - 1] ?? null,
  }));
}

/**
 * Parses "2,3,3,2,1,2,1,0,1" (blank, "-" or "?" for a missing item) into
 * answers. Anything else is rejected rather than guessed.
 */
export function parseAnswerList(text: string): (number | null)[] {
  return text.split(',').map((raw) => {
    const value = raw.trim();
    if (value === '' || value === '-' || value === '?') return null;
    if (!/^\d+$/.test(value)) {
      throw new AppError(
        'invalid_request',
        'Answers must be numbers separated by commas.',
      );
    }
    return Number(value);
  });
}
