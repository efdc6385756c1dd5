import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftNote } from '../../electron/core/drafting/draftNote';
import { draftSchema } from '../../electron/core/drafting/draftSchema';
import { hasMarkup } from '../../electron/core/drafting/sanitize';
import { loadLlamaEngine } from '../../electron/core/llm/llamaEngine';
import { demoAppointment, demoTranscript, detectorsFor } from './fixtures';
import { fixtureModel, recording, TEST_THREADS } from './llmEngine';

// Acceptance (issue #6) with the real small model: a BIRP note under the
// JSON-schema grammar. The two-hour map-reduce case is in
// realLlmLong.test.ts.
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
});
