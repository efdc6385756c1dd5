import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftNote } from '../../electron/core/drafting/draftNote';
import { draftSchema } from '../../electron/core/drafting/draftSchema';
import { hasMarkup } from '../../electron/core/drafting/sanitize';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import { isSegmentEvidence } from '../../electron/core/drafting/types';
import { loadLlamaEngine } from '../../electron/core/llm/llamaEngine';
import {
  demoAppointment,
  demoTranscript,
  detectorsFor,
  FIXTURES,
  longTranscript,
} from './fixtures';
import { fixtureModel, recording, TEST_THREADS } from './llmEngine';

// Acceptance (issue #6) with the real small model: a BIRP note under the
// JSON-schema grammar, and a two-hour session through map-reduce with every
// call's measured context fill within the context size.
const modelPath = fixtureModel();

describe('drafting with the fixture LLM', () => {
  it('drafts a BIRP note whose every model call parsed under the grammar', async () => {
    const transcript = demoTranscript();
    const real = await loadLlamaEngine({
      modelPath,
      threads: TEST_THREADS,
      contextSize: 2048,
    });
    const { engine, results } = recording(real);
    try {
      const draft = await draftNote({
        transcript,
        appointment: demoAppointment(),
        format: 'birp',
        engine: 'llm',
        llm: engine,
        ...detectorsFor(transcript.segments),
      });
      expect(draftSchema.safeParse(draft).success).toBe(true);
      expect(draft.engine).toBe('llm');
      expect(draft.model).toBe(path.basename(modelPath));
      expect(results.length).toBeGreaterThan(0);
      for (const r of results.filter((x) => x.finish === 'stop'))
        expect(() => JSON.parse(r.text) as unknown).not.toThrow();
      const sentences = draft.sections.flatMap((s) => s.sentences);
      expect(sentences.every((s) => !hasMarkup(s.text))).toBe(true);
      expect(draft.sections.map((s) => s.id)).toEqual([
        'behavior',
        'intervention',
        'response',
        'risk',
        'plan',
      ]);
    } finally {
      await engine.dispose();
    }
  });

  it('drafts a two-hour session through map-reduce without exceeding the context', async () => {
    const sources = [
      'cbt-phq9-demo',
      'mi-session-medium',
      'mi-session-short',
    ].map((name) =>
      readTranscriptFile(path.join(FIXTURES, 'sessions', `${name}.json`)),
    );
    const transcript = longTranscript(120, sources);
    const contextSize = 4096;
    const real = await loadLlamaEngine({
      modelPath,
      threads: TEST_THREADS,
      contextSize,
    });
    const { engine, results } = recording(real);
    const events: string[] = [];
    try {
      const transcriptTokens = real.countTokens(
        transcript.segments.map((s) => s.text).join('\n'),
      );
      expect(transcriptTokens).toBeGreaterThan(contextSize * 3);

      const draft = await draftNote({
        transcript,
        format: 'soap',
        engine: 'llm',
        llm: engine,
        ...detectorsFor(transcript.segments),
        onProgress: (e) => events.push(e.stage),
      });
      const extracts = events.filter((e) => e === 'map').length;
      expect(extracts).toBeGreaterThan(3);
      expect(events).toContain('reduce');
      for (const r of results)
        expect(r.contextTokens).toBeLessThanOrEqual(contextSize);
      expect(draft.stats?.maxContextTokens).toBeLessThanOrEqual(contextSize);

      const known = new Set(transcript.segments.map((s) => s.id));
      for (const s of draft.sections.flatMap((x) => x.sentences)) {
        if (isSegmentEvidence(s.evidence))
          expect(s.evidence.segmentIds.every((id) => known.has(id))).toBe(true);
      }
      expect(
        draft.sections
          .find((s) => s.id === 'assessment')
          ?.sentences.some((s) => /suicidal/i.test(s.text)),
      ).toBe(true);
    } finally {
      await engine.dispose();
    }
    // About 20k transcript tokens read on one CPU thread: far longer than the
    // default allowance when the machine is shared. Not a performance check.
  }, 3_600_000);
});
