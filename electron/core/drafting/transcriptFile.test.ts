import { describe, expect, it } from 'vitest';
import { parseTranscriptJson } from './transcriptFile';

describe('parseTranscriptJson', () => {
  it('reads session fixtures as segments u1, u2, ... with channels by role', () => {
    const t = parseTranscriptJson({
      duration: 12,
      channels: { left: 'clinician', right: 'client' },
      utterances: [
        { role: 'clinician', start: 0, end: 2, text: 'How are you?' },
        { role: 'client', start: 2.5, end: 4, text: 'Tired.' },
      ],
    });
    expect(t.durationSec).toBe(12);
    expect(t.segments.map((s) => [s.id, s.role, s.channel])).toEqual([
      ['u1', 'clinician', 0],
      ['u2', 'client', 1],
    ]);
  });

  it('reads saved transcripts as they are and rejects anything else', () => {
    const saved = {
      durationSec: 5,
      segments: [{ id: 'seg-1', start: 0, end: 1, role: 'client', text: 'Hi' }],
    };
    expect(parseTranscriptJson(saved).segments[0]).toMatchObject({
      id: 'seg-1',
      channel: 0,
      confidence: 1,
    });
    expect(() => parseTranscriptJson({ words: [] })).toThrow(
      expect.objectContaining({ kind: 'invalid_request' }),
    );
  });
});
