import { describe, expect, it } from 'vitest';
import { mapAnswer } from './answerMap';

describe('mapAnswer', () => {
  it.each([
    ['Not at all.', 0],
    ['Not really.', 0],
    ['No, never.', 0],
    ['Several days.', 1],
    ['A few days, I guess.', 1],
    ['Sometimes, yeah.', 1],
    ['More than half the days.', 2],
    ['Most days, honestly.', 2],
    ['Nearly every day.', 3],
    ['Every single day.', 3],
    ['Pretty much all the time.', 3],
    ['Not every day, but more than half.', 2],
    ['Two.', 2],
  ])('maps "%s" to %i', (text, value) => {
    expect(mapAnswer(text)?.value).toBe(value);
  });

  it('is less sure of hedged answers', () => {
    const plain = mapAnswer('A few days.');
    const hedged = mapAnswer('A few days, I guess.');
    expect(hedged?.confidence).toBeLessThan(plain?.confidence ?? 0);
    expect(hedged?.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('reads the first sentence that answers, not the elaboration', () => {
    expect(
      mapAnswer('Several days. Sometimes I feel it every day.')?.value,
    ).toBe(1);
  });

  it('marks contradictory answers as unsure', () => {
    const mixed = mapAnswer('Sometimes or nearly every day');
    expect(mixed?.confidence).toBeLessThan(0.6);
  });

  it('returns nothing for answers with no frequency', () => {
    expect(mapAnswer('Hmm, hard to say.')).toBeNull();
    expect(mapAnswer('Yes.')).toBeNull();
    expect(
      mapAnswer('I was at work for most of it and then I went home.'),
    ).toBeNull();
  });

  it.each([
    ['More than half the maze.', 2],
    ['Several dais.', 1],
    ['Nearly every date, definitely.', 3],
  ])('reads the scale through a misheard word: "%s"', (text, value) => {
    const found = mapAnswer(text);
    expect(found?.value).toBe(value);
    expect(found?.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('takes no answer from loose words deep in a statement', () => {
    const found = mapAnswer(
      'Sometimes I think everyone would be better off without me, but I would never actually do anything.',
    );
    expect(found?.confidence ?? 0).toBeLessThan(0.6);
    expect(mapAnswer('Seven days a week I work late.')).toBeNull();
  });

  it('prefers a later sentence that answers over an unsure first one', () => {
    expect(
      mapAnswer(
        'Honestly it is the kind of thing I never talk about. Several days.',
      )?.value,
    ).toBe(1);
  });
});
