import { describe, expect, it } from 'vitest';
import { instruments } from './instruments';
import { itemByWording, wordingScore } from './itemWording';
import { normalize, wordSimilarity } from './text';

const library = [...instruments().values()].filter((entry) => !entry.subsetOf);
const phq9 = instruments().get('phq9');
const item = (index: number) => {
  const found = phq9?.items.find((entry) => entry.index === index);
  if (!found) throw new Error(`no PHQ-9 item ${index}`);
  return found;
};

describe('wordSimilarity', () => {
  it('scores misheard words by edit distance', () => {
    expect(wordSimilarity('thoughts', 'thought')).toBeCloseTo(0.875);
    expect(wordSimilarity('trouble', 'travel')).toBeLessThan(0.5);
    expect(wordSimilarity('same', 'same')).toBe(1);
  });
});

describe('itemByWording', () => {
  // Real tiny.en renderings of the synthetic demo's item questions.
  it.each([
    [
      'Feeling back about yourself or not your failure or have left yourself or your family down.',
      6,
    ],
    [
      'Trunnel concentrating on things such as reading or watching television.',
      7,
    ],
    [
      'Or being so fidgety or restless, no you have been moving around a lot more than usual',
      8,
    ],
  ])('recognizes "%s" as item %i', (text, index) => {
    const found = itemByWording(normalize(text), library);
    expect(found?.instrument.id).toBe('phq9');
    expect(found?.item.index).toBe(index);
  });

  it('needs the run to expect item 9 when the recognizer lost its key words', () => {
    const text = normalize(
      'And thoughts that you would be mad or often mad, or un-ferging yourself in some way.',
    );
    expect(itemByWording(text, library)).toBeUndefined();
    if (!phq9) throw new Error('no PHQ-9');
    const found = itemByWording(text, library, { instrument: phq9, index: 9 });
    expect(found?.item.index).toBe(9);
  });

  it('does not take talk that shares a word or two for an item', () => {
    for (const text of [
      'Have you thought about how you would hurt yourself, or made any plan?',
      'I have been feeling tired at work and I cannot focus on reading.',
      'How have you been sleeping lately?',
      'Let us talk about your family and what you did this weekend.',
    ]) {
      expect(itemByWording(normalize(text), library)).toBeUndefined();
    }
    expect(
      wordingScore(normalize('I am sleeping too much'), item(3)),
    ).toBeLessThan(0.6);
  });
});
