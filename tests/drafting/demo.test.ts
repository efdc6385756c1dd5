import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../electron/core/domain/transcript';
import { draftNote } from '../../electron/core/drafting/draftNote';
import { draftSchema } from '../../electron/core/drafting/draftSchema';
import { hasMarkup } from '../../electron/core/drafting/sanitize';
import { loadTemplate } from '../../electron/core/drafting/templates';
import {
  BUILT_IN_FORMATS,
  isSegmentEvidence,
  type Draft,
} from '../../electron/core/drafting/types';
import type { LlmEngine } from '../../electron/core/llm/LlmEngine';
import { demoAppointment, demoTranscript, detectorsFor } from './fixtures';
import { testEngine } from './llmEngine';

// Acceptance (issue #6): the demo session drafted in every built-in format by
// both engines; the LLM engine is the real fixture model when provisioned.
const transcript = demoTranscript();
const detected = detectorsFor(transcript.segments);
const known = new Set(transcript.segments.map((s) => s.id));
let llm: LlmEngine;

beforeAll(async () => {
  llm = await testEngine(2048);
});
afterAll(async () => {
  await llm.dispose();
});

function sectionText(draft: Draft, id: string): string {
  return (draft.sections.find((s) => s.id === id)?.sentences ?? [])
    .map((s) => s.text)
    .join('\n');
}

describe.each(['rules', 'llm'] as const)(
  'demo session, %s engine',
  (engine) => {
    it.each(BUILT_IN_FORMATS)(
      'drafts %s with evidence for every sentence, risk and plan covered',
      async (format) => {
        const draft = await draftNote({
          transcript,
          appointment: demoAppointment(),
          format,
          engine,
          llm,
          ...detected,
        });
        const template = loadTemplate(format);

        expect(draftSchema.safeParse(draft).success).toBe(true);
        expect(draft.engine).toBe(engine);
        expect(draft.noContent).toBeUndefined();
        const sentences = draft.sections.flatMap((s) => s.sentences);
        expect(sentences.length).toBeGreaterThan(5);
        for (const sentence of sentences) {
          if (isSegmentEvidence(sentence.evidence)) {
            expect(sentence.evidence.segmentIds.length).toBeGreaterThan(0);
            for (const id of sentence.evidence.segmentIds)
              expect(known.has(id), `${sentence.id} cites ${id}`).toBe(true);
          }
          expect(hasMarkup(sentence.text)).toBe(false);
        }

        const risk = sectionText(draft, template.riskSection);
        expect(risk).toMatch(/passive suicidal ideation/i);
        expect(risk).toMatch(/denied a plan/i);
        const plan = sectionText(draft, template.planSection);
        expect(plan).toMatch(/homework/i);
        expect(plan).toMatch(/anxious thought/i);
        expect(plan).toMatch(/next Tuesday/i);
        if (format === 'girp')
          expect(sectionText(draft, 'goal')).toMatch(
            /Treatment-plan goal: Improve sleep/,
          );
      },
    );
  },
);

describe('a session of silence', () => {
  const silences: Transcript[] = [
    {
      durationSec: 600,
      language: 'en',
      segments: [],
      failedRegions: [],
      silentChannels: [0, 1],
    },
    {
      durationSec: 600,
      language: 'en',
      segments: [
        {
          id: 'u1',
          start: 0,
          end: 600,
          role: 'unknown',
          channel: 0,
          text: '[BLANK_AUDIO]',
          confidence: 0.2,
        },
      ],
      failedRegions: [],
      silentChannels: [1],
    },
  ];

  it.each(['rules', 'llm'] as const)(
    'yields the no-content result under the %s engine',
    async (engine) => {
      for (const silent of silences) {
        const draft = await draftNote({
          transcript: silent,
          appointment: demoAppointment(),
          format: 'soap',
          engine,
          llm,
          riskFlags: [],
          assessments: [],
        });
        expect(draft.noContent).toBe(true);
        expect(draft.sections.flatMap((s) => s.sentences)).toEqual([]);
      }
    },
  );
});
