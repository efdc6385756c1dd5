import { describe, expect, it } from 'vitest';
import type { Segment } from '../domain/transcript';
import { removeEchoedWords } from './echoWords';

const seg = (
  id: string,
  role: Segment['role'],
  start: number,
  end: number,
  text: string,
): Segment => ({
  id,
  role,
  start,
  end,
  text,
  channel: role === 'client' ? 1 : 0,
  confidence: 0.9,
});

describe('removeEchoedWords', () => {
  it('cuts the client echo that runs on from the clinician speaking', () => {
    const out = removeEchoedWords([
      seg(
        'a',
        'clinician',
        10,
        16,
        'How was your week? I have been sleeping badly since Monday.',
      ),
      seg('b', 'client', 12.5, 16, 'I have been sleeping badly since Monday.'),
    ]);
    expect(out.find((s) => s.id === 'a')?.text).toBe('How was your week?');
    expect(out.find((s) => s.id === 'b')?.text).toBe(
      'I have been sleeping badly since Monday.',
    );
  });

  it('drops a clinician segment that is all echo', () => {
    const out = removeEchoedWords([
      seg('a', 'clinician', 20, 23, 'it was a hard week'),
      seg('b', 'client', 20.2, 23.1, 'It was a hard week.'),
    ]);
    expect(out.map((s) => s.id)).toEqual(['b']);
  });

  it('keeps a clinician who talks over the client with other words', () => {
    const out = removeEchoedWords([
      seg('a', 'clinician', 30, 33, 'Let us pause there for a second.'),
      seg('b', 'client', 30.5, 34, 'and then my boss called again'),
    ]);
    expect(out.find((s) => s.id === 'a')?.text).toBe(
      'Let us pause there for a second.',
    );
  });

  it('leaves shared short phrases at other times alone', () => {
    const out = removeEchoedWords([
      seg('a', 'clinician', 50, 52, 'I have been thinking about that.'),
      seg('b', 'client', 10, 12, 'I have been thinking about that.'),
    ]);
    expect(out).toHaveLength(2);
  });
});
