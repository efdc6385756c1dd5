import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftNote } from '../../electron/core/drafting/draftNote';
import { draftSchema } from '../../electron/core/drafting/draftSchema';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import { isSegmentEvidence } from '../../electron/core/drafting/types';
import { loadLlamaEngine } from '../../electron/core/llm/llamaEngine';
import { detectorsFor, FIXTURES, longTranscript } from './fixtures';
import { fixtureModel, recording, TEST_THREADS } from './llmEngine';

// Acceptance (issue #6) with the real small model: a two-hour session
// (the fixture sessions repeated) drafted through map-reduce, every call's
// prompt whole inside the context, every cited segment a real one, and the
// draft valid. Figures for this path: `npm run bench:draft`.
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
    const { engine, calls } = recording(real);
    const events: string[] = [];
    try {
      const transcriptTokens = real.countTokens(
        transcript.segments.map((s) => s.text).join('\n'),
      );
      expect(real.contextSize).toBe(contextSize);
      expect(transcriptTokens).toBeGreaterThan(contextSize * 3);

      const draft = await draftNote({
        transcript,
        format: 'soap',
        engine: 'llm',
        llm: engine,
        ...detectorsFor(transcript.segments),
        onProgress: (e) => events.push(e.stage),
      });

      // Map over many chunks, then reduce.
      const maps = events.filter((e) => e === 'map').length;
      expect(maps).toBeGreaterThan(3);
      expect(events).toContain('reduce');
      const extracts = calls.filter((c) => c.request.purpose === 'extract');
      expect(extracts.length).toBeGreaterThanOrEqual(maps);
      expect(calls.some((c) => c.request.purpose === 'compose')).toBe(true);

      // Each call fit: its prompt and output, counted with the model's own
      // tokenizer, within the context; and the measured fill holds at least
      // the whole prompt, so nothing was shifted out to make room.
      for (const { request, result } of calls) {
        const prompt =
          real.countTokens(request.system) + real.countTokens(request.prompt);
        expect(prompt + result.outputTokens).toBeLessThanOrEqual(contextSize);
        expect(result.contextTokens).toBeGreaterThanOrEqual(prompt);
        expect(result.contextTokens).toBeLessThanOrEqual(contextSize);
      }
      expect(draft.stats?.maxContextTokens).toBeLessThanOrEqual(contextSize);
      expect(draft.stats?.calls).toBe(calls.length);

      // The result validates, came from the model, and cites real segments.
      expect(draftSchema.safeParse(draft).success).toBe(true);
      expect(draft.engine).toBe('llm');
      expect(draft.fallbackReason).toBeUndefined();
      const known = new Set(transcript.segments.map((s) => s.id));
      const sentences = draft.sections.flatMap((x) => x.sentences);
      expect(sentences.length).toBeGreaterThan(0);
      for (const s of sentences) {
        expect(isSegmentEvidence(s.evidence)).toBe(true);
        if (isSegmentEvidence(s.evidence)) {
          expect(s.evidence.segmentIds.length).toBeGreaterThan(0);
          expect(s.evidence.segmentIds.every((id) => known.has(id))).toBe(true);
        }
      }
      expect(
        draft.sections
          .find((s) => s.id === 'assessment')
          ?.sentences.some((s) => /suicidal/i.test(s.text)),
      ).toBe(true);
    } finally {
      await engine.dispose();
    }
    // About 29k prompt tokens read on one CPU thread: a few minutes on an
    // idle core, far more when the machine is shared. Not a timing check.
  }, 1_800_000);
});
