import { beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../api/client';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { useEvidenceAudio } from './evidenceAudio';

const request = { sessionId: 's1', sentenceId: 'n1', start: 4.75, end: 9.25 };

function clipReply(r: unknown) {
  const { start, end } = r as { start: number; end: number };
  return { mimeType: 'audio/wav', base64: 'UklGRg==', start, end };
}

describe('evidence audio store', () => {
  beforeEach(() => useEvidenceAudio.getState().stop());

  it('fetches the evidence range and holds the clip, ready to play', async () => {
    const fake = fakeClient();
    fake.answer('session:audioClip', clipReply);
    await useEvidenceAudio.getState().play(fake.client, request);

    expect(fake.calls).toEqual([
      {
        channel: 'session:audioClip',
        request: { sessionId: 's1', start: 4.75, end: 9.25 },
      },
    ]);
    const { status, clip } = useEvidenceAudio.getState();
    expect(status).toBe('ready');
    expect(clip).toMatchObject({ sentenceId: 'n1', start: 4.75, end: 9.25 });
    expect(clip?.base64).toBe('UklGRg==');
  });

  it('gives every play a new take, so the same clip plays again', async () => {
    const fake = fakeClient();
    fake.answer('session:audioClip', clipReply);
    await useEvidenceAudio.getState().play(fake.client, request);
    const first = useEvidenceAudio.getState().clip?.take;
    await useEvidenceAudio.getState().play(fake.client, request);
    expect(useEvidenceAudio.getState().clip?.take).not.toBe(first);
  });

  it('keeps only the last of overlapping requests', async () => {
    // The first reply arrives after the second: it must not replace it.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let count = 0;
    const client = {
      call: async (_channel: string, r: unknown) => {
        if (count++ === 0) await gate;
        return clipReply(r);
      },
      onEvent: () => () => undefined,
    } as unknown as Client;

    const slow = useEvidenceAudio.getState().play(client, request);
    await useEvidenceAudio
      .getState()
      .play(client, { ...request, sentenceId: 'n2', start: 20, end: 22 });
    release();
    await slow;
    expect(useEvidenceAudio.getState().clip).toMatchObject({
      sentenceId: 'n2',
      start: 20,
    });
  });

  it('says the recording is gone after retention, without an error', async () => {
    const fake = fakeClient();
    fake.answer('session:audioClip', () => {
      throw new FakeFailure({ kind: 'not_found', message: '' });
    });
    await useEvidenceAudio.getState().play(fake.client, request);
    expect(useEvidenceAudio.getState()).toMatchObject({
      status: 'unavailable',
      clip: undefined,
    });
    expect(useEvidenceAudio.getState().message).toMatch(/no longer kept/);
  });

  it('reports other failures in plain words, and stop clears everything', async () => {
    const fake = fakeClient();
    fake.answer('session:audioClip', () => {
      throw new FakeFailure({ kind: 'forbidden', message: '' });
    });
    await useEvidenceAudio.getState().play(fake.client, request);
    expect(useEvidenceAudio.getState()).toMatchObject({
      status: 'failed',
      message: 'Your role does not allow this.',
    });
    useEvidenceAudio.getState().stop();
    expect(useEvidenceAudio.getState()).toMatchObject({
      status: 'idle',
      message: undefined,
    });
  });
});
