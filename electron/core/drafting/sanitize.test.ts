import { describe, expect, it } from 'vitest';
import { hasMarkup, stripMarkup } from './sanitize';

describe('stripMarkup', () => {
  it('removes closed and unclosed reasoning blocks', () => {
    expect(
      stripMarkup(
        '<think>the client seems sad</think>Client reported low mood.',
      ),
    ).toBe('Client reported low mood.');
    expect(stripMarkup('Client slept poorly. <think>maybe I should add')).toBe(
      'Client slept poorly.',
    );
  });

  it('removes chat-template tokens, INST tags and role prefixes', () => {
    const dirty =
      '<|im_start|>assistant\nClient agreed to homework.<|im_end|> [INST] more [/INST] </s>';
    const clean = stripMarkup(dirty);
    expect(clean).toBe('Client agreed to homework. more');
    expect(hasMarkup(clean)).toBe(false);
  });

  it('leaves ordinary clinical text alone', () => {
    const text =
      'PHQ-9 total 15 (moderately severe); next appointment: Tuesday at 4.';
    expect(stripMarkup(text)).toBe(text);
  });
});
