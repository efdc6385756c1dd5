import { describe, expect, it } from 'vitest';
import type { Fact } from './facts';
import { fillRequired } from './guards';
import { loadTemplate } from './templates';

function fact(
  kind: Fact['kind'],
  ids: string[],
  origin: Fact['origin'],
  text = `${kind} ${ids.join(',')}`,
): Fact {
  return {
    kind,
    text,
    evidence: { segmentIds: ids, start: 0, end: 1 },
    origin,
  };
}

describe('fillRequired', () => {
  const soap = loadTemplate('soap');
  const rules = [
    fact('risk', ['seg-15'], 'rules'),
    fact('safety_plan', ['seg-42'], 'rules'),
    fact('safety_plan', ['seg-53'], 'rules'),
  ];

  it('adds the safety plan a model left out of a note with risk', () => {
    const model = [fact('risk', ['seg-15'], 'llm')];
    const kept = fillRequired(soap, model, rules);
    expect(
      kept.filter((f) => f.kind === 'safety_plan').map((f) => f.origin),
    ).toEqual(['rules', 'rules']);
    // The model's risk statement cites the same segment: no second copy.
    expect(kept.filter((f) => f.kind === 'risk')).toHaveLength(1);
  });

  it('keeps a model safety plan and adds only what it does not cite', () => {
    const model = [
      fact('risk', ['seg-15'], 'llm'),
      fact('safety_plan', ['seg-42'], 'llm'),
    ];
    const plans = fillRequired(soap, model, rules).filter(
      (f) => f.kind === 'safety_plan',
    );
    expect(plans.map((f) => [f.origin, f.evidence])).toEqual([
      ['llm', { segmentIds: ['seg-42'], start: 0, end: 1 }],
      ['rules', { segmentIds: ['seg-53'], start: 0, end: 1 }],
    ]);
  });
});
