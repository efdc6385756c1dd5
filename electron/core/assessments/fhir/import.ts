import { AppError } from '../../../contract/errors';
import { log } from '../../log/logger';
import { scoreWith, severityOf } from '../score';
import { getInstrument, optionsFor } from '../instruments';
import type { AssessmentResult, Instrument } from '../types';
import {
  itemScore,
  loincCodes,
  numericValue,
  type Coding,
  type ValueHolder,
} from './values';

/** One administration read from FHIR. */
export interface ImportedAssessment {
  /** Scored from the item answers found (form source, confirmed). */
  result: AssessmentResult;
  /** The total the sender stated (QR total item or total Observation). */
  reportedTotal: number | null;
  /** The stated total when present, else the one computed from the items. */
  total: number | null;
  severity: string | null;
  subject?: string;
  effective?: string;
  /** "QuestionnaireResponse/x", "Observation/y" that fed this result. */
  sourceIds: string[];
  /** Safe, short remarks (a mismatched total, an unreadable answer). */
  warnings: string[];
}

interface Res extends ValueHolder {
  resourceType?: string;
  id?: string;
  code?: { coding?: Coding[] };
  subject?: { reference?: string };
  effectiveDateTime?: string;
  authored?: string;
  questionnaire?: string;
  hasMember?: { reference?: string }[];
  derivedFrom?: { reference?: string }[];
  component?: (ValueHolder & { code?: { coding?: Coding[] } })[];
  item?: QrItem[];
  entry?: { resource?: Res }[];
}

interface QrItem {
  linkId?: string;
  answer?: ValueHolder[];
  item?: QrItem[];
}

/**
 * Reads PHQ-9 administrations from FHIR resources (an array, a Bundle or
 * one resource): QuestionnaireResponses and panel or total Observations.
 * A panel `derivedFrom` an imported QuestionnaireResponse joins it. Totals
 * are accepted as valueInteger, valueDecimal, valueQuantity or valueString.
 */
export function importFhirPhq9(resources: unknown): ImportedAssessment[] {
  return importFhirAssessments(resources, 'phq9');
}

/** As importFhirPhq9, for any instrument with LOINC codes. */
export function importFhirAssessments(
  resources: unknown,
  instrumentId: string,
): ImportedAssessment[] {
  const instrument = getInstrument(instrumentId);
  const all = flatten(resources);
  const fromQr = all
    .filter(
      (res) =>
        res.resourceType === 'QuestionnaireResponse' && isFor(instrument, res),
    )
    .map((res) => fromResponse(instrument, res));
  const imported = [...fromQr, ...fromObservations(instrument, all, fromQr)];

  log().info('assessments.fhir_import', {
    resources: all.length,
    imported: imported.length,
  });
  return imported;
}

function flatten(input: unknown): Res[] {
  if (Array.isArray(input)) return input.flatMap(flatten);
  if (typeof input !== 'object' || input === null) {
    throw new AppError(
      'invalid_request',
      'Expected FHIR resources as JSON objects.',
    );
  }
  const res = input as Res; // shape checked field by field as it is read
  if (res.resourceType === 'Bundle')
    return (res.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  return [res];
}

function isFor(instrument: Instrument, qr: Res): boolean {
  const panel = instrument.loincPanel ?? '\u0000';
  if (
    qr.questionnaire?.includes(panel) ||
    qr.questionnaire?.includes(instrument.id)
  )
    return true;
  const links = flatItems(qr.item ?? []).map((item) => bareLink(item.linkId));
  return instrument.items.some(
    (item) => item.loinc !== undefined && links.includes(item.loinc),
  );
}

function flatItems(items: QrItem[]): QrItem[] {
  return items.flatMap((item) => [item, ...flatItems(item.item ?? [])]);
}

function bareLink(linkId: string | undefined): string {
  return (linkId ?? '').replace(/^\//, '');
}

function fromResponse(instrument: Instrument, qr: Res): ImportedAssessment {
  const answers: (number | null)[] = instrument.items.map(() => null);
  let reported: number | null = null;
  for (const item of flatItems(qr.item ?? [])) {
    const code = bareLink(item.linkId);
    const first = item.answer?.[0];
    if (!first) continue;
    if (code === instrument.loincTotal) reported = numericValue(first);
    const match = instrument.items.find(
      (entry) => entry.loinc === code || entry.linkId === item.linkId,
    );
    if (match)
      answers[match.index - 1] = itemScore(instrument, match.index, first);
  }
  return assemble(
    instrument,
    answers,
    reported,
    [`QuestionnaireResponse/${qr.id ?? ''}`],
    {
      subject: qr.subject?.reference,
      effective: qr.authored,
    },
  );
}

function fromObservations(
  instrument: Instrument,
  all: Res[],
  fromQr: ImportedAssessment[],
) {
  const observations = all.filter((res) => res.resourceType === 'Observation');
  const byRef = new Map(
    observations.map((obs) => [`Observation/${obs.id ?? ''}`, obs]),
  );
  const panels = observations.filter((obs) =>
    hasCode(obs, instrument.loincPanel),
  );
  const inPanels = new Set(
    panels.flatMap((panel) => (panel.hasMember ?? []).map((m) => m.reference)),
  );
  const loneTotals = observations.filter(
    (obs) =>
      hasCode(obs, instrument.loincTotal) &&
      !inPanels.has(`Observation/${obs.id ?? ''}`),
  );

  const results: ImportedAssessment[] = [];
  for (const panel of panels) {
    const members = (panel.hasMember ?? []).flatMap(
      (m) => byRef.get(m.reference ?? '') ?? [],
    );
    const found = fromPanel(instrument, panel, members);
    if (!mergeIntoResponse(instrument, found, panel, fromQr))
      results.push(found);
  }
  for (const total of loneTotals)
    results.push(fromPanel(instrument, total, [total]));
  return results;
}

function fromPanel(
  instrument: Instrument,
  panel: Res,
  members: Res[],
): ImportedAssessment {
  const answers: (number | null)[] = instrument.items.map(() => null);
  let reported: number | null = null;
  const parts: (ValueHolder & { code?: { coding?: Coding[] } })[] = [
    ...members,
    ...(panel.component ?? []),
  ];
  for (const part of parts) {
    const codes = loincCodes(part.code);
    if (instrument.loincTotal && codes.includes(instrument.loincTotal))
      reported = numericValue(part);
    const match = instrument.items.find(
      (entry) => entry.loinc && codes.includes(entry.loinc),
    );
    if (match)
      answers[match.index - 1] = itemScore(instrument, match.index, part);
  }
  const ids = [panel, ...members].map((obs) => `Observation/${obs.id ?? ''}`);
  return assemble(instrument, answers, reported, [...new Set(ids)], {
    subject: panel.subject?.reference,
    effective: panel.effectiveDateTime,
  });
}

/** Joins a panel into the QuestionnaireResponse it was derived from. */
function mergeIntoResponse(
  instrument: Instrument,
  panel: ImportedAssessment,
  source: Res,
  fromQr: ImportedAssessment[],
): boolean {
  const refs = (source.derivedFrom ?? []).map((ref) => ref.reference ?? '');
  const index = fromQr.findIndex((qr) =>
    qr.sourceIds.some((id) => refs.includes(id)),
  );
  const target = fromQr[index];
  if (!target) return false;
  const answers = target.result.answers.map(
    (answer, i) => answer ?? panel.result.answers[i] ?? null,
  );
  const reported = target.reportedTotal ?? panel.reportedTotal;
  const where = { subject: target.subject, effective: target.effective };
  const ids = [...target.sourceIds, ...panel.sourceIds];
  const merged = assemble(instrument, answers, reported, ids, where);
  const bothStated =
    panel.reportedTotal !== null && target.reportedTotal !== null;
  if (bothStated && panel.reportedTotal !== target.reportedTotal) {
    merged.warnings.push(
      'The panel total differs from the questionnaire total.',
    );
  }
  fromQr[index] = merged;
  return true;
}

function hasCode(res: Res, code: string | undefined): boolean {
  return code !== undefined && loincCodes(res.code).includes(code);
}

function assemble(
  instrument: Instrument,
  raw: (number | null)[],
  reported: number | null,
  sourceIds: string[],
  where: { subject?: string | undefined; effective?: string | undefined },
): ImportedAssessment {
  const warnings: string[] = [];
  const answers = raw.map((value, i) =>
    validAnswer(instrument, i, value, warnings),
  );
  const result = scoreWith(instrument, answers, 'form');
  if (reported !== null && result.total !== null && reported !== result.total) {
    warnings.push('The stated total differs from the sum of the item answers.');
  }
  const total = reported ?? result.total;
  const imported: ImportedAssessment = {
    result,
    reportedTotal: reported,
    total,
    severity: total === null ? null : severityOf(instrument, total),
    sourceIds,
    warnings,
  };
  if (where.subject) imported.subject = where.subject;
  if (where.effective) imported.effective = where.effective;
  return imported;
}

function validAnswer(
  instrument: Instrument,
  position: number,
  value: number | null,
  warnings: string[],
): number | null {
  if (value === null) return null;
  const allowed = optionsFor(instrument, position + 1).some(
    (choice) => choice.value === value,
  );
  if (allowed) return value;
  warnings.push(
    `Item ${position + 1} has an answer outside the scale; left unanswered.`,
  );
  return null;
}
