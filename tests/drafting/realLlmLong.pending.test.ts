import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftNote } from '../../electron/core/drafting/draftNote';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import { isSegmentEvidence } from '../../electron/core/drafting/types';
import { loadLlamaEngine } from '../../electron/core/llm/llamaEngine';
import { detectorsFor, FIXTURES, longTranscript } from './fixtures';
import { fixtureModel, recording, TEST_THREADS } from './llmEngine';

// TODO(#6): pending acceptance, kept out of `npm test` until it has been seen
// to finish on a quiet machine (it did not finish within 31 minutes on this
// shared one). Run with `npm run test:pending`.
// Acceptance (issue #6) with the real small model: a BIRP note under the
// JSON-schema grammar, and a two-hour session through map-reduce with every
// call's measured context fill within the context size.
const modelPath = fixtureModel();

describe('drafting with the fixture LLM (long)', () => {
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
