import { AppError } from '../../contract/errors';
import { icdDescription } from './codeTable';

/** One claim diagnosis: ICD-10-CM with its dot, and its 1-based pointer. */
export interface ClaimDiagnosis {
  code: string;
  pointer: number;
  description?: string;
}

// ICD-10-CM: a letter, two characters, then an optional dot and up to four
// more (CDC/NCHS tabular list conventions).
const ICD10CM = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Up to 12 diagnoses per 837P claim (HI; CMS FAQ 12889). */
export const MAX_CLAIM_DIAGNOSES = 12;
/** Each service line points to up to 4 of them (SV107). */
export const MAX_LINE_POINTERS = 4;

/**
 * The client's diagnoses in record order (the first is principal), checked,
 * de-duplicated and numbered as pointers. Throws `claim_invalid` on an empty
 * list, a malformed code or more than twelve.
 */
export function claimDiagnoses(codes: readonly string[]): ClaimDiagnosis[] {
  const unique = [...new Set(codes.map((c) => normalizeIcd(c)))];
  if (unique.length === 0) {
    throw new AppError(
      'claim_invalid',
      'A claim needs at least one ICD-10-CM diagnosis.',
    );
  }
  if (unique.length > MAX_CLAIM_DIAGNOSES) {
    throw new AppError(
      'claim_invalid',
      `A claim carries at most ${MAX_CLAIM_DIAGNOSES} diagnoses.`,
    );
  }
  return unique.map((code, i) => {
    const description = icdDescription(code);
    return description
      ? { code, pointer: i + 1, description }
      : { code, pointer: i + 1 };
  });
}

/** Upper-cases, trims and inserts the dot after the third character. */
export function normalizeIcd(code: string): string {
  const bare = code.trim().toUpperCase().replace('.', '');
  const dotted =
    bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
  if (!ICD10CM.test(dotted)) {
    throw new AppError(
      'claim_invalid',
      `"${code.slice(0, 10)}" is not an ICD-10-CM code.`,
    );
  }
  return dotted;
}

/** The X12 form: no decimal point (F41.1 -> F411; CMS FAQ 12889). */
export function icdForX12(code: string): string {
  return code.replace('.', '');
}

/** Default line pointers: the first four diagnoses, principal first. */
export function defaultPointers(
  diagnoses: readonly ClaimDiagnosis[],
): number[] {
  return diagnoses.slice(0, MAX_LINE_POINTERS).map((d) => d.pointer);
}
