import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { AppError } from '../../contract/errors';
import type { Core } from '../app/core';
import { log } from '../log/logger';

/**
 * The browser bridge: the same core handlers as the desktop app, behind a
 * local HTTP + WebSocket endpoint on 127.0.0.1. Every API call and event
 * socket must carry the per-launch token; the built renderer is served as
 * static files (it holds no PHI) and reads the token from the URL fragment.
 */
export interface BridgeOptions {
  core: Core;
  port?: number;
  rendererDir?: string;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = http.createServer((req, res) => {
    void handle(req, res, options, token).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: internal() });
    });
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(req) || !tokenMatches(tokenFromRequest(req), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const stop = options.core.events.onAny((name, payload) => {
        ws.send(JSON.stringify({ name, payload }));
      });
      ws.on('close', stop);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  log().info('bridge.started', { port });

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.core.close();
    },
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: BridgeOptions,
  token: string,
): Promise<void> {
  if (!hostAllowed(req)) {
    sendJson(res, 403, {
      ok: false,
      error: { kind: 'forbidden', message: 'Host refused.' },
    });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    await handleApi(req, res, url, options.core, token);
    return;
  }
  serveStatic(res, url.pathname, options.rendererDir);
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  core: Core,
  token: string,
): Promise<void> {
  if (!tokenMatches(tokenFromRequest(req), token)) {
    const error = new AppError(
      'unauthorized',
      'Missing or wrong bridge token.',
    ).toInfo();
    sendJson(res, 401, { ok: false, error });
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, error: invalid('Use POST.') });
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    sendJson(res, 400, { ok: false, error: invalid('Body is not JSON.') });
    return;
  }
  const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
  const reply = await core.registry.dispatch(channel, body, {
    origin: 'bridge',
  });
  sendJson(res, 200, reply);
}

function tokenFromRequest(req: http.IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  return url.searchParams.get('token') ?? undefined;
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses other Host headers, so a web page cannot reach us by DNS rebinding. */
function hostAllowed(req: http.IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  return /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.json': 'application/json',
};

function serveStatic(
  res: http.ServerResponse,
  pathname: string,
  dir?: string,
): void {
  if (!dir || !existsSync(dir)) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Renderer not built: run `npm run build`.');
    return;
  }
  const root = path.resolve(dir);
  let file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory())
    file = path.join(root, 'index.html');
  res.writeHead(200, {
    'content-type':
      CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  value: unknown,
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(value));
}

function invalid(message: string) {
  return new AppError('invalid_request', message).toInfo();
}

function internal() {
  return {
    kind: 'internal' as const,
    message: 'Something went wrong inside Hushnote.',
  };
}
