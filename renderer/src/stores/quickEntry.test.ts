import { beforeEach, describe, expect, it } from 'vitest';
import type {
  InstrumentView,
  RecordedAssessmentView,
} from '../../../electron/contract/contract';
import { fakeClient, FakeFailure } from '../api/fakeClient';
import { IDLE, useCapture } from './capture';
import { unanswered, useQuickEntry } from './quickEntry';

const choices = [0, 1, 2, 3].map((value) => ({ value, label: `c${value}` }));
const phq9: InstrumentView = {
  id: 'phq9',
  name: 'PHQ-9',
  stem: 'Over the last 2 weeks',
  options: choices,
  items: Array.from({ length: 10 }, (_, i) => ({
    index: i + 1,
    text: `item ${i + 1}`,
    scored: i < 9,
  })),
  riskItems: [9],
};

const recorded = (total: number, flagged: boolean): RecordedAssessmentView => ({
  assessment: {
    instrumentId: 'phq9',
    answers: [],
    total,
    severity: 'mild',
    prorated: false,
    missing: 0,
    source: 'form',
    status: 'confirmed',
  },
  flags: flagged
    ? [
        {
          id: 'phq9_item9:form:form',
          type: 'phq9_item9',
          severity: 'moderate',
          status: 'open',
          source: 'assessment',
          evidence: [],
          mandatedReport: false,
        },
      ]
    : [],
});

describe('quick entry store', () => {
  beforeEach(() => {
    useQuickEntry.setState({
      instruments: [],
      sessionId: undefined,
      instrumentId: 'phq9',
      answers: [],
      saved: [],
      saving: false,
      error: undefined,
    });
    useCapture.setState({
      status: { ...IDLE, sessionId: 's1', state: 'recording' },
      segments: [],
      flags: [],
    });
  });

  it('loads the instruments once', async () => {
    const fake = fakeClient();
    fake.answer('assessment:instruments', () => [phq9]);
    await useQuickEntry.getState().load(fake.client);
    await useQuickEntry.getState().load(fake.client);
    expect(useQuickEntry.getState().instruments).toEqual([phq9]);
    expect(fake.calls).toHaveLength(1);
  });

  it('keeps answers by item, with gaps as null, and counts what is missing', () => {
    const store = useQuickEntry.getState();
    store.open('s1');
    store.answer(3, 2);
    store.answer(1, 1);
    expect(useQuickEntry.getState().answers).toEqual([1, null, 2]);
    expect(unanswered(phq9, useQuickEntry.getState().answers)).toBe(7);
  });

  it('saves the answers for the session and shows an item-9 flag at once', async () => {
    const fake = fakeClient();
    fake.answer('assessment:record', () => recorded(9, true));
    const store = useQuickEntry.getState();
    store.open('s1');
    store.answer(1, 2);
    store.answer(9, 1);
    await store.save(fake.client);

    expect(fake.calls[0]).toEqual({
      channel: 'assessment:record',
      request: {
        sessionId: 's1',
        instrumentId: 'phq9',
        answers: [2, null, null, null, null, null, null, null, 1],
      },
    });
    const state = useQuickEntry.getState();
    expect(state.saved.map((s) => s.assessment.total)).toEqual([9]);
    expect(state.answers).toEqual([]);
    expect(useCapture.getState().flags.map((f) => f.type)).toEqual([
      'phq9_item9',
    ]);
  });

  it('refuses to save an empty form and shows a refusal in words', async () => {
    const fake = fakeClient();
    fake.answer('assessment:record', () => {
      throw new FakeFailure({ kind: 'forbidden', message: 'Not yours.' });
    });
    const store = useQuickEntry.getState();
    store.open('s1');
    await store.save(fake.client);
    expect(useQuickEntry.getState().error).toMatch(/at least one/);
    expect(fake.calls).toHaveLength(0);

    store.answer(1, 1);
    await useQuickEntry.getState().save(fake.client);
    expect(useQuickEntry.getState().error).toBeDefined();
    expect(useQuickEntry.getState().saved).toEqual([]);
    expect(useQuickEntry.getState().saving).toBe(false);
  });

  it('clears entries when another session opens', () => {
    useQuickEntry.setState({ sessionId: 's1', saved: [recorded(3, false)] });
    useQuickEntry.getState().open('s2');
    expect(useQuickEntry.getState().saved).toEqual([]);
  });
});
