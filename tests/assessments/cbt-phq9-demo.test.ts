import { describe, expect, it } from 'vitest';
import { detectAssessments } from '../../electron/core/assessments/detect';
import { detectRiskFlags } from '../../electron/core/risk/detect';
import { sessionSegments } from './fixtures';

// Expected content per ../shared/fixtures/SOURCES.md.
const EXPECTED = [2, 3, 3, 2, 1, 2, 1, 0, 1];

describe('cbt-phq9-demo session', () => {
  const segments = sessionSegments('cbt-phq9-demo');
  const assessments = detectAssessments(segments);
  const flags = detectRiskFlags(segments, assessments);

  it('finds one PHQ-9 with the nine expected answers, total 15', () => {
    expect(assessments.map((result) => result.instrumentId)).toEqual(['phq9']);
    const [phq9] = assessments;
    expect(phq9?.answers.slice(0, 9)).toEqual(EXPECTED);
    expect(phq9?.answers[9]).toBeNull();
    expect(phq9?.total).toBe(15);
    expect(phq9?.severity).toBe('moderately severe');
    expect(phq9?.status).toBe('proposed');
    expect(phq9?.prorated).toBe(false);
  });

  it('cites the question and the client answer for each item', () => {
    const items = assessments[0]?.items.slice(0, 9) ?? [];
    for (const item of items) {
      expect(item.evidence?.segmentIds).toHaveLength(2);
      expect(item.confidence).toBeGreaterThanOrEqual(0.8);
    }
    expect(items[0]?.evidence?.quote).toBe("More than half the days, I'd say.");
  });

  it('raises the item-9 flag citing the client and keeps the denied plan', () => {
    const item9 = flags.find((flag) => flag.type === 'phq9_item9');
    expect(item9?.status).toBe('open');
    expect(item9?.evidence[0]?.quote).toContain(
      'everyone would be better off without me',
    );
    expect(item9?.evidence[0]?.start).toBeCloseTo(103.24);
    const plan = item9?.denials.find((denial) => denial.about === 'plan');
    expect(plan?.evidence.quote).toBe('No, no plan.');
    expect(item9?.denials.map((denial) => denial.about)).toContain('intent');
  });

  it('flags the passive ideation heard, and nothing active', () => {
    const types = flags.map((flag) => flag.type).sort();
    expect(types).toEqual(['phq9_item9', 'suicidal_ideation_passive']);
  });
});

describe('cbt-phq9-demo without speaker roles (mono capture)', () => {
  const segments = sessionSegments('cbt-phq9-demo').map((segment) => ({
    ...segment,
    role: 'unknown' as const,
  }));

  it('still reads the PHQ-9 and raises the item-9 flag', () => {
    const assessments = detectAssessments(segments);
    expect(assessments[0]?.answers.slice(0, 9)).toEqual(EXPECTED);
    const types = detectRiskFlags(segments, assessments).map(
      (flag) => flag.type,
    );
    expect(types).toContain('phq9_item9');
  });
});

describe('sessions with no assessment', () => {
  it.each(['mi-session-short', 'mi-session-medium'])(
    '%s: nothing invented',
    (name) => {
      const segments = sessionSegments(name);
      expect(detectAssessments(segments)).toEqual([]);
      expect(detectRiskFlags(segments)).toEqual([]);
    },
  );
});
