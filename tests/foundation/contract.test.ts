import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app/core';
import { HandlerRegistry } from '../../electron/core/ipc/registry';
import { AppError } from '../../electron/contract/errors';
import { CHANNELS, methodName } from '../../electron/contract/contract';

describe('typed contract', () => {
  const core = createCore({ mode: 'bridge', version: 'test' });

  it('rejects an invalid payload with invalid_request', async () => {
    const reply = await core.registry.dispatch(
      'app:echo',
      { text: 42 },
      { origin: 'test' },
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
  });

  it('rejects unknown fields and unknown channels', async () => {
    const extra = await core.registry.dispatch(
      'app:echo',
      { text: 'a', evil: 1 },
      { origin: 'test' },
    );
    expect(extra).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    const unknown = await core.registry.dispatch(
      'nope:nothing',
      {},
      { origin: 'test' },
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
  });

  it('answers a valid call', async () => {
    const reply = await core.registry.dispatch(
      'app:echo',
      { text: 'hi' },
      { origin: 'test' },
    );
    expect(reply).toEqual({ ok: true, data: { text: 'hi' } });
  });

  it('throws when a channel is registered twice', () => {
    const registry = new HandlerRegistry();
    registry.register('app:echo', ({ text }) => ({ text }));
    expect(() =>
      registry.register('app:echo', ({ text }) => ({ text })),
    ).toThrow(/already/);
  });

  it('turns unknown exceptions into internal and keeps AppError kinds', async () => {
    const registry = new HandlerRegistry();
    registry.register('app:echo', () => {
      throw new Error('secret detail');
    });
    registry.register('app:info', () => {
      throw new AppError('model_missing', 'No model.');
    });
    const hidden = await registry.dispatch(
      'app:echo',
      { text: 'x' },
      { origin: 'test' },
    );
    expect(hidden).toEqual({
      ok: false,
      error: {
        kind: 'internal',
        message: 'Something went wrong inside Hushnote.',
      },
    });
    const typed = await registry.dispatch('app:info', {}, { origin: 'test' });
    expect(typed).toEqual({
      ok: false,
      error: { kind: 'model_missing', message: 'No model.' },
    });
  });

  it('derives preload names from channels', () => {
    expect(methodName('app:info')).toBe('appInfo');
    expect(new Set(CHANNELS.map(methodName)).size).toBe(CHANNELS.length);
  });
});
