import { describe, expect, it } from 'vitest';
import { checkDocumentation, type DocumentedNote } from './documentation';
import { suggestCodes } from './suggestCodes';
import type { SuggestInput } from './types';

const input: SuggestInput = {
  service: 'psychotherapy',
  minutes: 53,
  modality: 'video',
  clientLocation: 'home',
  payerProfile: 'commercial',
  credential: 'LCSW',
};

const complete: DocumentedNote = {
  start: '2026-04-14T16:00:00-05:00',
  end: '2026-04-14T16:53:00-05:00',
  modality: 'video',
  clientLocation: 'home',
  telehealthConsent: true,
  interventions: ['cbt-cognitive-restructuring', 'safety-planning'],
  mentalStatus: true,
  riskAssessment: true,
  riskPresent: true,
  safetyPlan: true,
  response: true,
  progressTowardGoals: true,
  plan: true,
  signature: { signedAt: '2026-04-14T17:10:00-05:00', credential: 'LCSW' },
};

function codesOf(note: DocumentedNote, over: Partial<SuggestInput> = {}) {
  const result = checkDocumentation(note, suggestCodes({ ...input, ...over }));
  return {
    blocking: result.blocking.map((p) => p.code),
    warnings: result.warnings.map((p) => p.code),
  };
}

describe('checkDocumentation', () => {
  it('passes a complete signed note', () => {
    expect(codesOf(complete)).toEqual({ blocking: [], warnings: [] });
  });

  it('blocks an unsigned draft and lists each missing element', () => {
    const draft: DocumentedNote = {
      ...complete,
      signature: null,
      interventions: [],
      mentalStatus: false,
      riskAssessment: false,
      response: false,
      progressTowardGoals: false,
      plan: false,
    };
    expect(codesOf(draft).blocking).toEqual([
      'interventions_missing',
      'mental_status_missing',
      'risk_assessment_missing',
      'response_missing',
      'progress_missing',
      'plan_missing',
      'unsigned',
    ]);
  });

  it('blocks when the documented time does not support the code', () => {
    const short = { ...complete, end: '2026-04-14T16:45:00-05:00' };
    expect(codesOf(short).blocking).toEqual(['time_short']);
    expect(codesOf(short).warnings).toEqual(['time_mismatch']);
  });

  it('accepts total minutes but warns that clock times are missing', () => {
    const { start: _s, end: _e, ...rest } = complete;
    expect(codesOf({ ...rest, totalMinutes: 53 })).toEqual({
      blocking: [],
      warnings: ['clock_times_missing'],
    });
    expect(codesOf(rest).blocking).toEqual(['time_missing']);
  });

  it('needs modality and location for telehealth, not in person', () => {
    const { modality: _m, clientLocation: _l, ...bare } = complete;
    expect(codesOf(bare).blocking).toEqual([
      'modality_missing',
      'location_missing',
    ]);
    expect(
      codesOf(bare, { modality: 'in-person', clientLocation: 'other' })
        .blocking,
    ).toEqual([]);
    expect(codesOf({ ...complete, modality: 'audio' }).blocking).toEqual([
      'modality_mismatch',
    ]);
  });

  it('needs a safety plan when risk is present', () => {
    expect(codesOf({ ...complete, safetyPlan: false }).blocking).toEqual([
      'safety_plan_missing',
    ]);
  });

  it('checks code-specific elements: E/M separation, 90785 factor, crisis, family presence', () => {
    expect(
      codesOf(complete, { withEm: true, credential: 'MD' }).blocking,
    ).toEqual(['em_not_separate']);
    expect(
      codesOf(complete, { interactiveComplexity: { factor: 'sentinel-event' } })
        .blocking,
    ).toEqual(['complexity_factor_missing']);
    expect(
      codesOf(complete, { service: 'crisis', minutes: 53 }).blocking,
    ).toEqual(['crisis_elements_missing']);
    expect(
      codesOf(
        { ...complete, clientPresent: false },
        { service: 'family-with-client' },
      ).blocking,
    ).toEqual(['client_absent']);
  });
});
