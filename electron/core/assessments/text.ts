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

/**
 * How alike two words are, 0..1: one minus the edit distance over the
 * longer length ("thought"/"thoughts" 0.88, "trouble"/"travel" 0.43). Used
 * to tolerate recognizer errors in item wording and answer phrases.
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute =
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The words of normalized text. */
export function words(text: string): string[] {
  return text
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
}
