import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app/core';
import { startBridge, type Bridge } from '../../electron/core/bridge/server';

describe('browser bridge', () => {
  let bridge: Bridge;

  beforeAll(async () => {
    bridge = await startBridge({
      core: createCore({ mode: 'bridge', version: 'test' }),
    });
  });
  afterAll(() => bridge.close());

  const post = (token?: string, body: unknown = {}) =>
    fetch(`${bridge.url}api/app:info`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: JSON.stringify(body),
    });

  it('binds to loopback only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses a request without the token', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
  });

  it('refuses a wrong token', async () => {
    expect((await post('x'.repeat(bridge.token.length))).status).toBe(401);
  });

  it('answers with the token', async () => {
    const response = await post(bridge.token);
    expect(await response.json()).toMatchObject({
      ok: true,
      data: { mode: 'bridge' },
    });
  });

  it('refuses a foreign Host header', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/app:info',
          method: 'POST',
          headers: {
            host: 'evil.example',
            authorization: `Bearer ${bridge.token}`,
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
