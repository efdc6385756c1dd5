import type { Instrument } from '../types';
import { optionsFor } from '../instruments';

/** The loose shape of a FHIR value[x] holder (Observation or QR answer). */
export interface ValueHolder {
  valueInteger?: unknown;
  valueDecimal?: unknown;
  valueString?: unknown;
  valueQuantity?: { value?: unknown };
  valueCoding?: Coding;
  valueCodeableConcept?: { coding?: Coding[] };
}

export interface Coding {
  system?: string;
  code?: string;
  extension?: {
    url?: string;
    valueDecimal?: unknown;
    valueInteger?: unknown;
  }[];
}

/**
 * A numeric total from any of the shapes seen in the wild: valueInteger,
 * valueDecimal, valueQuantity.value or valueString ("12", as in the US Core
 * 44261-6 example). Anything else is null, never a guess.
 */
export function numericValue(holder: ValueHolder): number | null {
  const candidates = [
    holder.valueInteger,
    holder.valueDecimal,
    holder.valueQuantity?.value,
  ];
  for (const value of candidates) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  const text = holder.valueString;
  if (typeof text === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(text))
    return Number(text);
  return null;
}

/** Ordinal weight extensions that carry an answer's score on a Coding. */
const WEIGHT_URLS = [
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
  'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
];

/**
 * An item's score: the LA answer code looked up in the instrument's
 * options, else an ordinal weight on the coding, else a plain number.
 */
export function itemScore(
  instrument: Instrument,
  index: number,
  holder: ValueHolder,
): number | null {
  const codings = [
    ...(holder.valueCoding ? [holder.valueCoding] : []),
    ...(holder.valueCodeableConcept?.coding ?? []),
  ];
  const options = optionsFor(instrument, index);
  for (const coding of codings) {
    const choice = options.find(
      (entry) => entry.code !== undefined && entry.code === coding.code,
    );
    if (choice) return choice.value;
    const weight = coding.extension?.find((ext) =>
      WEIGHT_URLS.includes(ext.url ?? ''),
    );
    const value = weight?.valueDecimal ?? weight?.valueInteger;
    if (typeof value === 'number') return value;
  }
  return numericValue(holder);
}

/** The LOINC codes of a CodeableConcept-like value. */
export function loincCodes(
  concept: { coding?: Coding[] } | undefined,
): string[] {
  return (concept?.coding ?? [])
    .filter(
      (coding) =>
        coding.system === undefined || coding.system === 'http://loinc.org',
    )
    .map((coding) => coding.code ?? '');
}
