import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getStatus } from '@medplum/core';
import { FhirRouter, type HttpMethod } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '../../fhir/validateFhir';
import { SandboxFaults } from './sandboxFaults';
import { SandboxRepository } from './sandboxRepository';
import { SandboxTokens, type SandboxClient } from './sandboxTokens';
import {
  capabilityStatement,
  outcome,
  smartConfiguration,
  validateIncoming,
} from './sandboxDocs';

export interface SandboxOptions {
  port?: number;
  /** `none` (default) accepts any request; otherwise a bearer token is required. */
  auth?: 'none' | 'bearer';
  /** Tokens that are always valid (static-bearer connectors). */
  staticTokens?: string[];
  /** SMART backend clients allowed to use the token endpoint. */
  clients?: SandboxClient[];
  /** Access-token lifetime; EHRs typically use 300 s. */
  tokenTtlSeconds?: number;
  /** How long a `timeout` fault holds a request before dropping it. */
  hangMs?: number;
  now?: () => number;
}

/** One request the sandbox saw (for tests: did anything reach the EHR?). */
export interface SandboxRequest {
  method: string;
  path: string;
  status: number | 'dropped';
}

/** A running sandbox FHIR R4 server on 127.0.0.1. */
export interface SandboxFhirServer {
  baseUrl: string;
  tokenUrl: string;
  faults: SandboxFaults;
  tokens: SandboxTokens;
  requests(): SandboxRequest[];
  counts(): Record<string, number>;
  resources<T extends Resource = Resource>(type: T['resourceType']): T[];
  /** Stores a resource directly (schedule fixtures); returns it with its id. */
  seed<T extends Resource>(resource: T): Promise<T & { id: string }>;
  close(): Promise<void>;
}

/**
 * Starts a real FHIR R4 REST server: @medplum/fhir-router's FhirRouter and
 * in-memory repository behind node:http. It implements create, conditional
 * create, search and transactions; unlike the bare repository it rejects
 * resources that fail @medplum/core structure validation. Faults can be
 * injected through `faults`; `/auth/token` is a SMART backend token endpoint.
 */
export async function startSandboxFhirServer(
  options: SandboxOptions = {},
): Promise<SandboxFhirServer> {
  loadFhirDefinitions();
  const now = options.now ?? Date.now;
  const repo = new SandboxRepository();
  const router = new FhirRouter();
  const faults = new SandboxFaults();
  const seen: SandboxRequest[] = [];
  let baseUrl = '';
  const tokens = new SandboxTokens(
    () => `${baseUrl}/auth/token`,
    options.tokenTtlSeconds ?? 300,
    now,
  );
  options.clients?.forEach((c) => tokens.register(c));
  options.staticTokens?.forEach((t) => tokens.addStatic(t));
  const sockets = new Set<Socket>();

  const ctx: HandlerContext = {
    repo,
    router,
    faults,
    tokens,
    seen,
    options,
    base: () => baseUrl,
  };
  const server = createServer((req, res) => void handle(ctx, req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/R4`;

  return {
    baseUrl,
    tokenUrl: `${baseUrl}/auth/token`,
    faults,
    tokens,
    requests: () => [...seen],
    counts: () => repo.counts(),
    resources: (type) => repo.list(type),
    seed: (resource) => repo.createResource(resource),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface HandlerContext {
  repo: SandboxRepository;
  router: FhirRouter;
  faults: SandboxFaults;
  tokens: SandboxTokens;
  seen: SandboxRequest[];
  options: SandboxOptions;
  base: () => string;
}

async function handle(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/^\/fhir\/R4/, '') || '/';
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  const record = (status: number | 'dropped') =>
    ctx.seen.push({ method, path, status });

  if (path === '/.well-known/smart-configuration') {
    reply(res, 200, smartConfiguration(ctx.base()), record, 'application/json');
    return;
  }
  if (path === '/auth/token' && method === 'POST') {
    const result = await ctx.tokens.exchange(new URLSearchParams(body));
    const [status, payload] = result.ok
      ? [200, result.grant]
      : [
          result.status,
          { error: result.error, error_description: result.description },
        ];
    reply(res, status, payload, record, 'application/json');
    return;
  }
  if (path === '/metadata') {
    reply(res, 200, capabilityStatement(), record);
    return;
  }

  const fault = ctx.faults.take(method, path);
  const hangMs = ctx.options.hangMs ?? 30_000;
  if (fault === 'drop-before') {
    drop(res, record);
  } else if (fault === 'timeout') {
    hang(res, hangMs, record);
  } else if (fault === 'status-500') {
    reply(res, 500, outcome('exception', 'Injected server error'), record);
  } else if (fault === 'expired-token' || !authorized(ctx, req)) {
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    reply(
      res,
      401,
      outcome('login', 'Access token expired or invalid'),
      record,
    );
  } else {
    const [status, payload] = await route(ctx, method, path, url, body);
    if (fault === 'drop-after-commit') drop(res, record);
    else if (fault === 'commit-then-hang') hang(res, hangMs, record);
    else reply(res, status, payload, record);
  }
}

async function route(
  ctx: HandlerContext,
  method: string,
  path: string,
  url: URL,
  body: string,
): Promise<[number, Resource]> {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    return [400, outcome('structure', 'Body is not JSON')];
  }
  const invalid = validateIncoming(method, parsed);
  if (invalid) return [400, invalid];

  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prior = query[k];
    query[k] =
      prior === undefined
        ? v
        : [...(Array.isArray(prior) ? prior : [prior]), v];
  }
  const [result, resource] = await ctx.router.handleRequest(
    {
      method: method as HttpMethod,
      url: `${path}${url.search}`,
      pathname: '',
      body: parsed,
      params: {},
      query,
      headers: {},
    },
    ctx.repo,
  );
  return [getStatus(result), resource ?? result];
}

function authorized(ctx: HandlerContext, req: IncomingMessage): boolean {
  if ((ctx.options.auth ?? 'none') === 'none') return true;
  const header = req.headers.authorization ?? '';
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  return ctx.tokens.isValid(token);
}

function reply(
  res: ServerResponse,
  status: number,
  payload: unknown,
  record: (s: number) => void,
  contentType = 'application/fhir+json',
): void {
  record(status);
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(payload));
}

function drop(res: ServerResponse, record: (s: 'dropped') => void): void {
  record('dropped');
  res.socket?.destroy();
}

function hang(
  res: ServerResponse,
  ms: number,
  record: (s: 'dropped') => void,
): void {
  record('dropped');
  const timer = setTimeout(() => res.socket?.destroy(), ms);
  res.socket?.once('close', () => clearTimeout(timer));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
