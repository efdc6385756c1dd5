import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectAssessments } from '../../electron/core/assessments/detect';
import { segmentsFromJson } from '../../electron/core/assessments/transcriptFile';
import { detectRiskFlags } from '../../electron/core/risk/detect';

// Real tiny.en output for the synthetic demo (misheard words such as
// "Trunnel falling", "More than half the maze", item 9 read as "thoughts
// that you would be mad or often mad"), kept so the detector is checked
// on recognizer text without running Whisper.
const here = path.dirname(fileURLToPath(import.meta.url));
const segments = segmentsFromJson(
  JSON.parse(
    readFileSync(path.join(here, 'asr', 'cbt-phq9-demo.tiny-en.json'), 'utf8'),
  ),
);

describe('cbt-phq9-demo as tiny.en heard it', () => {
  const assessments = detectAssessments(segments);

  it('reads the nine PHQ-9 answers, total 15', () => {
    expect(assessments.map((result) => result.instrumentId)).toEqual(['phq9']);
    expect(assessments[0]?.answers.slice(0, 9)).toEqual([
      2, 3, 3, 2, 1, 2, 1, 0, 1,
    ]);
    expect(assessments[0]?.total).toBe(15);
  });

  it('cites a client segment for every answer', () => {
    const byId = new Map(segments.map((segment) => [segment.id, segment]));
    for (const item of assessments[0]?.items.slice(0, 9) ?? []) {
      const [question, ...replies] = item.evidence?.segmentIds ?? [];
      expect(byId.get(question ?? '')?.role).toBe('clinician');
      expect(replies.length).toBeGreaterThan(0);
      for (const id of replies) expect(byId.get(id)?.role).toBe('client');
    }
  });

  it('raises the item-9 flag', () => {
    const types = detectRiskFlags(segments, assessments).map((f) => f.type);
    expect(types).toContain('phq9_item9');
  });
});
