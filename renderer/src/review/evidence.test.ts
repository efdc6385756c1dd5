import { describe, expect, it } from 'vitest';
import type {
  DraftView,
  TranscriptView,
} from '../../../electron/contract/contract';
import {
  applyEdits,
  evidenceClipRange,
  evidenceFocus,
  findSentence,
  lowEvidenceCount,
  MAX_CLIP_SEC,
} from './evidence';

const transcript: TranscriptView = {
  durationSec: 30,
  language: 'en',
  failedRegions: [],
  silentChannels: [],
  segments: [
    {
      id: 'g1',
      start: 0,
      end: 4,
      role: 'clinician',
      channel: 0,
      text: 'How was the week?',
      confidence: 0.9,
    },
    {
      id: 'g2',
      start: 4,
      end: 9,
      role: 'client',
      channel: 1,
      text: 'Sleep was bad.',
      confidence: 0.8,
    },
    {
      id: 'g3',
      start: 9,
      end: 15,
      role: 'client',
      channel: 1,
      text: 'Work helped.',
      confidence: 0.8,
    },
  ],
};

const draft: DraftView = {
  format: 'soap',
  engine: 'rules',
  sections: [
    {
      id: 'subjective',
      title: 'Subjective',
      sentences: [
        {
          id: 's1',
          text: 'Client reports poor sleep.',
          evidence: { segmentIds: ['g2'], start: 4, end: 9 },
        },
        {
          id: 's2',
          text: 'Work helped.',
          evidence: { segmentIds: [], start: 8, end: 12 },
          lowEvidence: true,
        },
      ],
    },
    {
      id: 'objective',
      title: 'Objective',
      sentences: [
        {
          id: 's3',
          text: 'Video session.',
          evidence: { appointment: 'modality' },
        },
      ],
    },
  ],
};

describe('evidence focus', () => {
  it('uses the sentence’s segment ids', () => {
    const focus = evidenceFocus(findSentence(draft, 's1')!, transcript);
    expect(focus).toEqual({
      segmentIds: ['g2'],
      start: 4,
      end: 9,
      appointmentField: null,
    });
  });

  it('falls back to segments overlapping the span', () => {
    expect(
      evidenceFocus(findSentence(draft, 's2')!, transcript).segmentIds,
    ).toEqual(['g2', 'g3']);
  });

  it('names the appointment field for facts not from speech', () => {
    const focus = evidenceFocus(findSentence(draft, 's3')!, transcript);
    expect(focus.segmentIds).toEqual([]);
    expect(focus.appointmentField).toBe('modality');
  });

  it('drops ids the transcript does not hold', () => {
    const sentence = {
      id: 'x',
      text: 't',
      evidence: { segmentIds: ['gone'], start: 100, end: 101 },
    };
    expect(evidenceFocus(sentence, transcript).segmentIds).toEqual([]);
  });
});

describe('draft edits', () => {
  it('counts low-evidence sentences', () => {
    expect(lowEvidenceCount(draft)).toBe(1);
  });

  it('applies edits without touching other sentences or evidence', () => {
    const edited = applyEdits(draft, {
      s1: '  Client reports poor sleep for a week. ',
    });
    expect(findSentence(edited, 's1')).toEqual({
      id: 's1',
      text: 'Client reports poor sleep for a week.',
      evidence: { segmentIds: ['g2'], start: 4, end: 9 },
    });
    expect(findSentence(edited, 's2')).toBe(findSentence(draft, 's2'));
  });
});

describe('evidence clip range', () => {
  const focusOf = (id: string) =>
    evidenceFocus(findSentence(draft, id)!, transcript);

  it('spans the supporting segments, padded a quarter second', () => {
    expect(evidenceClipRange(focusOf('s1'), transcript)).toEqual({
      start: 3.75,
      end: 9.25,
    });
    // Overlapping segments reach past the sentence's own span.
    expect(evidenceClipRange(focusOf('s2'), transcript)).toEqual({
      start: 3.75,
      end: 15.25,
    });
  });

  it('plays nothing for a fact restated from the appointment', () => {
    expect(evidenceClipRange(focusOf('s3'), transcript)).toBeNull();
  });

  it('never starts before the recording nor runs past the longest clip', () => {
    const long = {
      segmentIds: ['g1'],
      start: 0,
      end: 500,
      appointmentField: null,
    };
    expect(evidenceClipRange(long, transcript)).toEqual({
      start: 0,
      end: MAX_CLIP_SEC,
    });
  });
});
