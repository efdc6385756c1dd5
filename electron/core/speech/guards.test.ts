import { describe, expect, it } from 'vitest';
import { collapseRepeats, guardSegment, QUIET_RMS } from './guards';

const LOUD = 0.1;

describe('guardSegment', () => {
  it('drops empty text and non-speech annotations', () => {
    expect(guardSegment('   ', LOUD).text).toBeUndefined();
    expect(guardSegment(' [BLANK_AUDIO]', LOUD).reason).toBe('annotation');
    expect(guardSegment('(music)', LOUD).reason).toBe('annotation');
    expect(guardSegment('♪♪', LOUD).reason).toBe('annotation');
  });

  it('drops a known outro only where the audio is quiet', () => {
    expect(guardSegment(' Thanks for watching!', QUIET_RMS / 2).reason).toBe(
      'outro_on_quiet',
    );
    expect(guardSegment(' Thank you.', QUIET_RMS / 2).text).toBeUndefined();
    expect(guardSegment(' Thank you.', LOUD).text).toBe('Thank you.');
  });

  it('keeps ordinary speech at full confidence', () => {
    expect(guardSegment(' I have been sleeping badly.', LOUD)).toEqual({
      text: 'I have been sleeping badly.',
      penalty: 1,
    });
  });

  it('collapses a repeated phrase and lowers confidence', () => {
    const verdict = guardSegment(
      'I feel I feel I feel I feel I feel tired',
      LOUD,
    );
    expect(verdict.text).toBe('I feel tired');
    expect(verdict.penalty).toBe(0.5);
  });

  it('drops a long decoding loop', () => {
    const loop = Array.from({ length: 12 }, (_, i) =>
      i % 2 ? 'the next one, and' : 'so we go on to',
    ).join(' ');
    expect(guardSegment(loop, LOUD).reason).toBe('repetition');
  });
});

describe('collapseRepeats', () => {
  it('leaves up to three repeats alone', () => {
    expect(collapseRepeats('no no no')).toBe('no no no');
    expect(collapseRepeats('no no no no')).toBe('no');
  });
});
