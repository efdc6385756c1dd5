import type {
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
} from '@medplum/fhirtypes';
import { AppError } from '../../../contract/errors';
import { getInstrument, optionsFor } from '../instruments';
import type { AssessmentResult, Instrument, InstrumentItem } from '../types';

export const LOINC = 'http://loinc.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Who and when, for the exported resources. */
export interface FhirAssessmentContext {
  /** Base id: the QuestionnaireResponse is `<id>`, Observations `<id>-<loinc>`. */
  id: string;
  /** "Patient/123" */
  subject: string;
  /** FHIR dateTime with a timezone offset. */
  effective: string;
  /** "Practitioner/abc" */
  performer?: string;
  /** "Encounter/xyz" */
  encounter?: string;
}

/**
 * The raw answers as a QuestionnaireResponse: one item per answered
 * question (LOINC linkId, LA answer code) plus the total, as in the US Core
 * PHQ-9 example. Proposed (unconfirmed) results export as in-progress.
 */
export function toFhirQuestionnaireResponse(
  result: AssessmentResult,
  ctx: FhirAssessmentContext,
): QuestionnaireResponse {
  const instrument = getInstrument(result.instrumentId);
  const items = instrument.items.flatMap((item) =>
    responseItem(instrument, item, result),
  );
  if (result.total !== null && instrument.loincTotal) {
    items.push({
      linkId: `/${instrument.loincTotal}`,
      text: `${instrument.name} total score`,
      answer: [{ valueInteger: result.total }],
    });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: ctx.id,
    ...(instrument.questionnaire
      ? { questionnaire: instrument.questionnaire }
      : {}),
    status: result.status === 'confirmed' ? 'completed' : 'in-progress',
    subject: { reference: ctx.subject },
    ...(ctx.encounter ? { encounter: { reference: ctx.encounter } } : {}),
    authored: ctx.effective,
    ...(ctx.performer ? { author: { reference: ctx.performer } } : {}),
    item: items,
  };
}

function responseItem(
  instrument: Instrument,
  item: InstrumentItem,
  result: AssessmentResult,
): QuestionnaireResponseItem[] {
  const answer = result.answers[item.index - 1] ?? null;
  if (answer === null) return [];
  const choice = optionsFor(instrument, item.index).find(
    (entry) => entry.value === answer,
  );
  const value = choice?.code
    ? {
        valueCoding: {
          system: LOINC,
          code: choice.code,
          display: choice.label,
        },
      }
    : { valueInteger: answer };
  return [{ linkId: item.linkId, text: item.text, answer: [value] }];
}

/**
 * The panel Observation (LOINC panel code, category survey) with
 * `hasMember` pointing at one Observation per answered item (LA code) and
 * the total (valueQuantity in `{score}`), all `derivedFrom` the
 * QuestionnaireResponse. Severity goes in `interpretation.text`; a
 * prorated total says so in a note.
 */
export function toFhirObservations(
  result: AssessmentResult,
  ctx: FhirAssessmentContext,
): Observation[] {
  const instrument = getInstrument(result.instrumentId);
  if (!instrument.loincPanel) {
    throw new AppError(
      'invalid_request',
      `${instrument.name} has no LOINC panel code to export.`,
    );
  }
  const members = instrument.items.flatMap((item) =>
    itemObservation(instrument, item, result, ctx),
  );
  const total = totalObservation(instrument, result, ctx);
  if (total) members.push(total);

  const panel: Observation = {
    ...base(result, ctx, instrument.loincPanel, `${instrument.name} panel`),
    hasMember: members.map((member): Reference<Observation> => ({
      reference: `Observation/${member.id}`,
    })),
  };
  return [panel, ...members];
}

function itemObservation(
  instrument: Instrument,
  item: InstrumentItem,
  result: AssessmentResult,
  ctx: FhirAssessmentContext,
): Observation[] {
  const answer = result.answers[item.index - 1] ?? null;
  if (answer === null || !item.loinc) return [];
  const choice = optionsFor(instrument, item.index).find(
    (entry) => entry.value === answer,
  );
  const value: Partial<Observation> = choice?.code
    ? {
        valueCodeableConcept: {
          coding: [{ system: LOINC, code: choice.code, display: choice.label }],
          text: choice.label,
        },
      }
    : { valueInteger: answer };
  return [{ ...base(result, ctx, item.loinc, item.text), ...value }];
}

function totalObservation(
  instrument: Instrument,
  result: AssessmentResult,
  ctx: FhirAssessmentContext,
): Observation | undefined {
  if (result.total === null || !instrument.loincTotal) return undefined;
  const observation: Observation = {
    ...base(
      result,
      ctx,
      instrument.loincTotal,
      `${instrument.name} total score`,
    ),
    valueQuantity: {
      value: result.total,
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    },
  };
  if (result.severity) observation.interpretation = [{ text: result.severity }];
  if (result.prorated) {
    observation.note = [
      { text: `Prorated: ${result.missing} item(s) unanswered.` },
    ];
  }
  return observation;
}

function base(
  result: AssessmentResult,
  ctx: FhirAssessmentContext,
  code: string,
  display: string,
): Observation {
  return {
    resourceType: 'Observation',
    id: `${ctx.id}-${code}`,
    status: result.status === 'confirmed' ? 'final' : 'preliminary',
    category: [
      { coding: [{ system: CATEGORY, code: 'survey', display: 'Survey' }] },
    ],
    code: { coding: [{ system: LOINC, code, display }], text: display },
    subject: { reference: ctx.subject },
    ...(ctx.encounter ? { encounter: { reference: ctx.encounter } } : {}),
    effectiveDateTime: ctx.effective,
    ...(ctx.performer ? { performer: [{ reference: ctx.performer }] } : {}),
    derivedFrom: [{ reference: `QuestionnaireResponse/${ctx.id}` }],
  };
}
