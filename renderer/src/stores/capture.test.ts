import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../../electron/contract/contract';
import { fakeClient } from '../api/fakeClient';
import { IDLE, isLive, useCapture } from './capture';

const recording: CaptureStatus = {
  ...IDLE,
  sessionId: 's1',
  state: 'recording',
  consent: 'verbal',
};

describe('capture store', () => {
  beforeEach(() =>
    useCapture.setState({
      status: IDLE,
      segments: [],
      flags: [],
      consent: undefined,
      available: true,
      jobId: undefined,
      error: undefined,
    }),
  );

  it('refuses to start without a consent record when the practice requires one', async () => {
    const fake = fakeClient();
    await useCapture.getState().start(fake.client, 's1', true);
    expect(useCapture.getState().error).toMatch(/consent/);
    expect(fake.calls).toHaveLength(0);
  });

  it('starts with the consent means, follows status events, stops into a job', async () => {
    const fake = fakeClient();
    fake.answer('capture:start', () => recording);
    fake.answer('capture:stop', () => ({
      ...recording,
      state: 'saved',
      jobId: 'j9',
    }));

    useCapture.getState().setConsent('verbal');
    await useCapture.getState().start(fake.client, 's1', true);
    expect(fake.calls[0]?.request).toEqual({
      sessionId: 's1',
      consent: 'verbal',
    });
    expect(isLive(useCapture.getState().status)).toBe(true);

    useCapture.getState().onStatus({
      ...recording,
      silent: 'system',
      levels: { mic: 0.4, system: 0 },
    });
    expect(useCapture.getState().status.silent).toBe('system');

    await useCapture.getState().stop(fake.client);
    expect(useCapture.getState().status.state).toBe('saved');
    expect(useCapture.getState().jobId).toBe('j9');
  });

  it('keeps live segments of the recorded session only', async () => {
    const fake = fakeClient();
    fake.answer('capture:start', () => recording);
    await useCapture.getState().start(fake.client, 's1', false);
    const segment = {
      id: 'a',
      start: 0,
      end: 1,
      role: 'client' as const,
      channel: 1,
      text: 'hi',
      confidence: 1,
    };
    useCapture.getState().onSegment({ sessionId: 's1', segment });
    useCapture.getState().onSegment({ sessionId: 'other', segment });
    expect(useCapture.getState().segments).toHaveLength(1);
  });

  it('toggles from the shortcut: stops a live recording, starts one otherwise', async () => {
    const fake = fakeClient();
    fake.answer('capture:start', () => recording);
    fake.answer('capture:stop', () => ({
      ...recording,
      state: 'saved',
      jobId: null,
    }));
    await useCapture.getState().toggle(fake.client, undefined, false);
    expect(useCapture.getState().error).toMatch(/Open a session/);
    await useCapture.getState().toggle(fake.client, 's1', false);
    await useCapture.getState().toggle(fake.client, 's1', false);
    expect(fake.calls.map((c) => c.channel)).toEqual([
      'capture:start',
      'capture:stop',
    ]);
  });

  it('says live capture is unavailable when the core does not serve it', async () => {
    const fake = fakeClient();
    await useCapture.getState().refresh(fake.client);
    expect(useCapture.getState().available).toBe(false);
    expect(useCapture.getState().error).toBeUndefined();
  });
});

describe('live transcript in the capture store', () => {
  const segment = (id: string, role: 'clinician' | 'client') => ({
    id,
    start: 0,
    end: 1,
    role,
    channel: role === 'clinician' ? 0 : 1,
    text: `${id} text`,
    confidence: 0.9,
  });

  beforeEach(() =>
    useCapture.setState({
      status: recording,
      segments: [],
      flags: [],
      error: undefined,
    }),
  );

  it('adds pushed segments of this recording once, ignoring others', () => {
    const store = useCapture.getState();
    store.onSegment({ sessionId: 's1', segment: segment('a', 'clinician') });
    store.onSegment({ sessionId: 's1', segment: segment('a', 'clinician') });
    store.onSegment({ sessionId: 's2', segment: segment('b', 'client') });
    store.onSegment({ sessionId: 's1', segment: segment('c', 'client') });
    expect(useCapture.getState().segments.map((s) => s.id)).toEqual(['a', 'c']);
  });

  it('catches up from capture:live when the screen opens on a recording', async () => {
    const fake = fakeClient();
    fake.answer('capture:status', () => recording);
    fake.answer('capture:live', () => ({
      sessionId: 's1',
      segments: [segment('a', 'clinician'), segment('b', 'client')],
      flags: [],
    }));
    await useCapture.getState().refresh(fake.client);
    expect(fake.calls.map((c) => c.channel)).toEqual([
      'capture:status',
      'capture:live',
    ]);
    expect(useCapture.getState().segments.map((s) => s.role)).toEqual([
      'clinician',
      'client',
    ]);
  });
});
