/**
 * Text helpers shared by verbal detection and risk detection. Matching runs
 * on a normalized form: lower case, curly quotes straightened, apostrophes
 * dropped ("I'd" -> "id"), other punctuation turned to spaces.
 */
export function normalize(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** Splits speech into sentences, keeping each sentence's own punctuation. */
export function sentences(text: string): string[] {
  const parts = text.match(/[^.!?]+[.!?]*/g) ?? [];
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** Whether `phrase` occurs in normalized `text` on word boundaries. */
export function hasPhrase(text: string, phrase: string): boolean {
  return text.includes(` ${phrase} `);
}

/** Whether `stem` starts a word of normalized `text` ("concentrat" matches "concentrating"). */
export function hasStem(text: string, stem: string): boolean {
  return text.includes(` ${stem}`);
}
