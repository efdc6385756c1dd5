/**
 * X12 text helpers. X12 has no escape mechanism, so the delimiters
 * (`*` element, `~` segment, `:` component, `^` repetition) must never appear
 * in data; free text is transliterated to ASCII, upper-cased and stripped of
 * them (DOMAIN.md 5.1; imsweb/x12-parser #42 on apostrophes, which are legal).
 */
export const ELEMENT = '*';
export const COMPONENT = ':';
export const REPETITION = '^';
export const TERMINATOR = '~';

const DELIMITERS = /[*~:^]/g;
// The X12 basic and extended character sets are printable ASCII.
const NOT_PRINTABLE = /[^\x20-\x7E]/g;

/** Cleans free text (names, addresses) for an X12 element, upper-cased. */
export function text(value: string, maxLength = 60): string {
  return clean(value, maxLength).toUpperCase();
}

/**
 * Cleans an identifier (member ID, account number): case is kept, because
 * payers echo CLM01 back on the remittance, and spaces are removed.
 */
export function id(value: string, maxLength = 80): string {
  return clean(value, maxLength).replace(/\s+/g, '');
}

function clean(value: string, maxLength: number): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(DELIMITERS, ' ')
    .replace(NOT_PRINTABLE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();
}

/** One segment; trailing empty elements are dropped as X12 requires. */
export function segment(
  tag: string,
  ...elements: (string | undefined)[]
): string {
  const values = elements.map((e) => e ?? '');
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return [tag, ...values].join(ELEMENT);
}

export function composite(...parts: (string | undefined)[]): string {
  const values = parts.map((p) => p ?? '');
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values.join(COMPONENT);
}

/** YYYY-MM-DD -> CCYYMMDD. */
export function d8(date: string): string {
  return date.slice(0, 10).replaceAll('-', '');
}

/** Money without trailing zeros (X12 R type): 150 -> "150", 12.5 -> "12.5". */
export function amount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function digits(value: string): string {
  return value.replace(/\D/g, '');
}
