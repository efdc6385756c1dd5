import { describe, expect, it } from 'vitest';
import { EventBus } from '../app/events';
import { HandlerRegistry } from '../ipc/registry';
import { registerSessionHandlers } from './handlers';
import { monoWav } from './evidenceAudio';
import type { RedraftRequest } from './redraft';
import type { NoteVersionView, SessionDetail, SessionService } from './types';

const CLINICIAN = 'u1';

/** The review channels' service calls, recorded; nothing else is reached. */
function setup() {
  const redrafts: RedraftRequest[] = [];
  const ranges: { start: number; end: number }[] = [];
  const partial: Partial<SessionService> = {
    getSession: () =>
      ({
        appointment: { clinician: { id: CLINICIAN, name: 'Dr Example' } },
      }) as unknown as SessionDetail,
    editNote: () => ({ version: 3, status: 'edited' }) as NoteVersionView,
    redraftNote: (_id, request) => {
      redrafts.push(request);
      return Promise.resolve({
        version: 2,
        status: 'edited',
      } as NoteVersionView);
    },
    evidenceAudio: (_id, range) => {
      ranges.push(range);
      return {
        recordingId: 'r1',
        start: range.start,
        end: range.start + 0.5,
        sampleRate: 16000,
        wav: monoWav(new Float32Array(8000).fill(0.25), 16000),
      };
    },
  };
  const registry = new HandlerRegistry();
  // Only the review channels are dispatched in these tests.
  registerSessionHandlers(registry, partial as SessionService, new EventBus());
  return { registry, redrafts, ranges };
}

describe('review channels', () => {
  it('redrafts in a template, one section when asked, rules by default', async () => {
    const { registry, redrafts } = setup();
    const whole = await registry.dispatch(
      'note:redraft',
      { sessionId: 's1', format: 'birp' },
      { origin: 'test', userId: CLINICIAN },
    );
    expect(whole).toMatchObject({ ok: true, data: { version: 2 } });
    await registry.dispatch(
      'note:redraft',
      { sessionId: 's1', format: 'birp', engine: 'llm', sectionId: 'plan' },
      { origin: 'test', userId: CLINICIAN },
    );
    expect(redrafts).toEqual([
      { format: 'birp', engine: 'rules' },
      { format: 'birp', engine: 'llm', sectionId: 'plan' },
    ]);
  });

  it('lets only the rendering clinician redraft', async () => {
    const { registry, redrafts } = setup();
    const reply = await registry.dispatch(
      'note:redraft',
      { sessionId: 's1', format: 'dap' },
      { origin: 'test', userId: 'someone-else' },
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(redrafts).toEqual([]);
  });

  it('returns the clip as a base64 WAV and refuses an empty range', async () => {
    const { registry, ranges } = setup();
    const reply = await registry.dispatch(
      'session:audioClip',
      { sessionId: 's1', start: 4, end: 6.5 },
      { origin: 'test' },
    );
    if (!reply.ok) throw new Error(reply.error.message);
    const clip = reply.data as { mimeType: string; base64: string };
    expect(clip).toMatchObject({ mimeType: 'audio/wav', start: 4, end: 4.5 });
    const wav = Buffer.from(clip.base64, 'base64');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.length).toBe(44 + 2 * 8000);

    const empty = await registry.dispatch(
      'session:audioClip',
      { sessionId: 's1', start: 6, end: 6 },
      { origin: 'test' },
    );
    expect(empty).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(ranges).toEqual([{ start: 4, end: 6.5 }]);
  });

  it('takes an LLM draft back for editing with the stats the core wrote', async () => {
    const { registry } = setup();
    const draft = {
      format: 'soap',
      engine: 'llm',
      model: 'SmolLM2-135M-Instruct.Q4_1.gguf',
      sections: [],
      stats: {
        calls: 3,
        failedCalls: 0,
        outputTokens: 410,
        maxContextTokens: 2900,
        contextSize: 4096,
        firstTokenMs: 800,
        promptMs: 2400,
        llmMs: 9000,
      },
    };
    const reply = await registry.dispatch(
      'note:edit',
      { sessionId: 's1', draft },
      { origin: 'test', userId: CLINICIAN },
    );
    expect(reply).toMatchObject({ ok: true, data: { version: 3 } });
  });
});
