import { describe, expect, it } from 'vitest';
import { splitAcrossSpans } from './recognize';

// Three short replies packed into one window, 0.4 s apart (tiny.en returned
// them as one segment on the demo recording).
const spans = [
  { at: 0, start: 45.6, end: 48.2 },
  { at: 3, start: 52.2, end: 53.6 },
  { at: 4.8, start: 58.3, end: 60.4 },
];

describe('splitAcrossSpans', () => {
  it('puts each sentence of a segment over several regions in its own region', () => {
    const pieces = splitAcrossSpans(
      {
        start: 0,
        end: 7,
        text: " More than half the days, I'd say. Nearly every day. Nearly every day, definitely.",
      },
      spans,
    );
    expect(pieces.map((p) => p.text.trim())).toEqual([
      "More than half the days, I'd say.",
      'Nearly every day.',
      'Nearly every day, definitely.',
    ]);
    expect(pieces[0]?.start).toBe(0);
    expect(pieces.at(-1)?.end).toBeCloseTo(7);
  });

  it('leaves a segment within one region whole', () => {
    const segment = { start: 0, end: 2.5, text: ' Several days. Not at all.' };
    expect(splitAcrossSpans(segment, spans)).toEqual([segment]);
  });

  it('keeps neighbouring sentences of one region together', () => {
    const pieces = splitAcrossSpans(
      { start: 0, end: 6, text: ' Okay. Yes. Most days, really, most days.' },
      spans,
    );
    expect(pieces.map((p) => p.text.trim())).toEqual([
      'Okay. Yes.',
      'Most days, really, most days.',
    ]);
  });
});
