import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import type { Segment, Transcript } from '../domain/transcript';
import { FakeLlm } from '../llm/fakeLlm';
import type { LlmRequest } from '../llm/LlmEngine';
import type { RiskFlag } from '../risk/types';
import { draftNote } from './draftNote';
import type { Draft, DraftProgress } from './types';

const lines: [Segment['role'], string][] = [
  ['clinician', 'How have you been sleeping since our last session?'],
  [
    'client',
    'I have been sleeping maybe four hours a night and worrying about work.',
  ],
  ['client', 'Sometimes I think everyone would be better off without me.'],
  ['clinician', 'Have you made any plan to hurt yourself?'],
  ['client', 'No, no plan.'],
  ['clinician', 'What evidence do you have for and against that thought?'],
  [
    'client',
    'I did get good reviews for three years, so maybe it is not hopeless.',
  ],
  ['clinician', 'For homework, write down one anxious thought each evening.'],
  ['client', 'I can do that.'],
  ['clinician', "Let's meet again next Tuesday at four."],
];

function transcript(): Transcript {
  const segments = lines.map(([role, text], i) => ({
    id: `u${i + 1}`,
    start: i * 10,
    end: i * 10 + 8,
    role,
    channel: role === 'client' ? 1 : 0,
    text,
    confidence: 1,
  }));
  return {
    durationSec: 100,
    language: 'en',
    segments,
    failedRegions: [],
    silentChannels: [],
  };
}

const passiveSi: RiskFlag = {
  id: 'rf1',
  type: 'suicidal_ideation_passive',
  severity: 'moderate',
  status: 'open',
  source: 'transcript',
  mandatedReport: false,
  evidence: [
    {
      segmentIds: ['u3'],
      quote: 'Sometimes I think everyone would be better off without me.',
      start: 20,
      end: 28,
    },
  ],
  denials: [
    {
      about: 'plan',
      evidence: {
        segmentIds: ['u5'],
        quote: 'No, no plan.',
        start: 40,
        end: 48,
      },
    },
  ],
};

function allIds(draft: Draft): string[] {
  return draft.sections.flatMap((s) =>
    s.sentences.flatMap((x) =>
      'segmentIds' in x.evidence ? x.evidence.segmentIds : [],
    ),
  );
}

function sectionText(draft: Draft, id: string): string {
  return (draft.sections.find((s) => s.id === id)?.sentences ?? [])
    .map((s) => s.text)
    .join(' ');
}

describe('draftNote', () => {
  it('rules: every sentence cites existing segments; risk and plan are covered', async () => {
    const t = transcript();
    const draft = await draftNote({
      transcript: t,
      format: 'birp',
      engine: 'rules',
      riskFlags: [passiveSi],
      assessments: [],
    });
    const known = new Set(t.segments.map((s) => s.id));
    expect(allIds(draft).every((id) => known.has(id))).toBe(true);
    expect(sectionText(draft, 'risk')).toMatch(/passive suicidal ideation/);
    expect(sectionText(draft, 'risk')).toMatch(/denied a plan/);
    expect(sectionText(draft, 'plan')).toMatch(/Tuesday/);
    expect(sectionText(draft, 'intervention')).toMatch(
      /cognitive restructuring/,
    );
  });

  it('llm: maps cited line numbers to segment ids, drops unknown numbers and words their segments lack, strips markup', async () => {
    const llm = new FakeLlm({
      respond: (req) =>
        req.purpose === 'extract'
          ? JSON.stringify({
              facts: [
                {
                  kind: 'reported',
                  segmentIds: ['2'],
                  text: '<think>hmm</think>Client reported sleeping four hours a night<|im_end|>',
                },
                {
                  kind: 'reported',
                  segmentIds: ['99'],
                  text: 'Client reported sleeping four hours a night',
                },
                {
                  kind: 'reported',
                  segmentIds: ['7'],
                  text: 'Client recalled good reviews for three years',
                },
                {
                  kind: 'homework',
                  segmentIds: ['8'],
                  text: 'Client will start a new medication regimen',
                },
              ],
            })
          : JSON.stringify({
              sentences: [
                {
                  text: 'Client reported sleeping four hours a night.',
                  facts: ['F1'],
                },
              ],
            }),
    });
    const draft = await draftNote({
      transcript: transcript(),
      format: 'soap',
      engine: 'llm',
      llm,
      riskFlags: [passiveSi],
      assessments: [],
    });
    const text = draft.sections
      .flatMap((s) => s.sentences.map((x) => x.text))
      .join('\n');
    expect(text).not.toMatch(/<\|im_|<think>|hmm/);
    expect(text).not.toMatch(/medication/);
    expect(allIds(draft)).not.toContain('99');
    const known = new Set(transcript().segments.map((s) => s.id));
    expect(allIds(draft).every((id) => known.has(id))).toBe(true);
    expect(allIds(draft)).toContain('u2');
    // The model sees short line numbers, not segment ids.
    const extract = llm.requests.find((r) => r.purpose === 'extract');
    expect(extract?.prompt).toContain('[2] client: I have been sleeping');
    expect(extract?.prompt).not.toContain('u2');
    expect(sectionText(draft, 'subjective')).toContain(
      'Client reported sleeping four hours a night.',
    );
    // The model gave no homework it could support: the rules supply it.
    expect(sectionText(draft, 'plan')).toMatch(/anxious thought/);
    expect(sectionText(draft, 'assessment')).toMatch(
      /passive suicidal ideation/,
    );
    expect(draft.engine).toBe('llm');
  });

  it('llm: cut output is detected and redone, never used', async () => {
    const events: DraftProgress[] = [];
    let calls = 0;
    const llm = new FakeLlm({
      respond: (req: LlmRequest) => {
        calls += 1;
        // The first answer is longer than its allowance, so it comes back cut.
        if (calls === 1)
          return JSON.stringify({
            facts: [
              {
                kind: 'reported',
                segmentIds: ['u2'],
                text: 'x'.repeat(req.maxTokens * 5),
              },
            ],
          });
        return JSON.stringify({ facts: [], sentences: [] });
      },
    });
    const draft = await draftNote({
      transcript: transcript(),
      format: 'dap',
      engine: 'llm',
      llm,
      riskFlags: [],
      assessments: [],
      onProgress: (e) => events.push(e),
    });
    expect(events).toContainEqual({ stage: 'retry', reason: 'truncated' });
    expect(draft.incomplete).toBeUndefined();
    expect(JSON.stringify(draft)).not.toContain('xxxxxxxx');
  });

  it('llm: output cut twice marks the draft incomplete', async () => {
    const llm = new FakeLlm({
      respond: (req) => `{"facts":[${'{'.repeat(req.maxTokens * 5)}`,
    });
    const draft = await draftNote({
      transcript: transcript(),
      format: 'dap',
      engine: 'llm',
      llm,
      riskFlags: [passiveSi],
      assessments: [],
    });
    expect(draft.incomplete).toBe(true);
    expect(sectionText(draft, 'assessment')).toMatch(
      /passive suicidal ideation/,
    );
  });

  it('llm: cancellation stops drafting with a cancelled error', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = draftNote({
      transcript: transcript(),
      format: 'soap',
      engine: 'llm',
      llm: new FakeLlm(),
      riskFlags: [],
      assessments: [],
      signal: controller.signal,
    });
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('llm: a failing model falls back to the rules draft and says why', async () => {
    const llm = new FakeLlm({
      respond: () => {
        throw new AppError('internal', 'boom');
      },
    });
    const draft = await draftNote({
      transcript: transcript(),
      format: 'soap',
      engine: 'llm',
      llm,
      riskFlags: [],
      assessments: [],
    });
    expect(draft.engine).toBe('rules');
    expect(draft.fallbackReason).toBe('internal');
    expect(sectionText(draft, 'plan')).toMatch(/Tuesday/);
  });

  it('a silent session gives the no-content result under both engines', async () => {
    const silent: Transcript = {
      ...transcript(),
      segments: [
        {
          id: 'u1',
          start: 0,
          end: 30,
          role: 'unknown',
          channel: 0,
          text: '[BLANK_AUDIO]',
          confidence: 0.1,
        },
      ],
    };
    for (const engine of ['rules', 'llm'] as const) {
      const llm = new FakeLlm();
      const draft = await draftNote({
        transcript: silent,
        format: 'soap',
        engine,
        llm,
        riskFlags: [],
        assessments: [],
      });
      expect(draft.noContent).toBe(true);
      expect(draft.sections.every((s) => s.sentences.length === 0)).toBe(true);
      expect(llm.requests).toHaveLength(0);
    }
  });

  it('budgets chunks so no call exceeds the context', async () => {
    const long = transcript();
    long.segments = Array.from({ length: 400 }, (_, i) => ({
      ...long.segments[i % lines.length]!,
      id: `x${i}`,
      start: i * 10,
      end: i * 10 + 8,
    }));
    const llm = new FakeLlm({ contextSize: 1024 });
    const draft = await draftNote({
      transcript: long,
      format: 'girp',
      engine: 'llm',
      llm,
      riskFlags: [],
      assessments: [],
    });
    const extracts = llm.requests.filter((r) => r.purpose === 'extract');
    expect(extracts.length).toBeGreaterThan(3);
    expect(draft.stats?.maxContextTokens).toBeLessThanOrEqual(1024);
  });
});
