import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  loadManifest,
  type ModelEntry,
} from '../../electron/core/models/manager';

/** One file the server offers, pinned in the manifest under `name`. */
export interface ServedModel {
  name: string;
  bytes: Buffer;
  /**
   * A first (non-Range) request sends this many bytes, then holds the
   * connection open until the client goes away: a download to cancel.
   * Range requests (resumes) are answered in full.
   */
  stallAt?: number;
  /** Listed with no checksum (and no size): importable, not downloadable. */
  unpinned?: boolean;
}

export interface ModelServer {
  base: string;
  /** The `Range` header of every request, `none` without one. */
  ranges: string[];
  close(): Promise<void>;
}

/** Bytes per write, and the pause between writes (a visible progress bar). */
const CHUNK = 64 * 1024;

/** `size` random bytes: model downloads check only the pinned sha256. */
export function modelBytes(size: number): Buffer {
  return randomBytes(size);
}

/**
 * A local stand-in for the model hub (unreachable in the sandbox): serves
 * each model with Range support, in paced chunks, and pins it with its
 * sha256 in the loaded manifest so `ensureModel` downloads it from here.
 */
export async function startModelServer(
  models: ServedModel[],
  paceMs = 0,
): Promise<ModelServer> {
  const ranges: string[] = [];
  const server: Server = createServer((req, res) => {
    const model = models.find((m) => req.url === `/${m.name}.bin`);
    if (!model) {
      res.writeHead(404).end();
      return;
    }
    ranges.push(req.headers.range ?? 'none');
    const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const body = model.bytes.subarray(start);
    res.writeHead(range ? 206 : 200, { 'content-length': body.length });
    const stop = range ? body.length : (model.stallAt ?? body.length);
    void send(res, body, stop, paceMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await pin(models, base);
  return {
    base,
    ranges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function send(
  res: ServerResponse,
  body: Buffer,
  stop: number,
  paceMs: number,
): Promise<void> {
  for (let at = 0; at < stop && !res.destroyed; at += CHUNK) {
    res.write(body.subarray(at, Math.min(at + CHUNK, stop)));
    if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
  }
  // A stalled response stays open until the client aborts.
  if (stop === body.length) res.end();
}

async function pin(models: ServedModel[], base: string): Promise<void> {
  const list = await loadManifest();
  for (const model of models) {
    const entry: ModelEntry = {
      name: model.name,
      file: `ggml-${model.name}.bin`,
      url: `${base}/${model.name}.bin`,
      sizeBytes: model.unpinned ? null : model.bytes.length,
      sha256: model.unpinned
        ? null
        : createHash('sha256').update(model.bytes).digest('hex'),
      licence: 'MIT',
      multilingual: false,
    };
    const existing = list.find((m) => m.name === entry.name);
    if (existing) Object.assign(existing, entry);
    else list.push(entry);
  }
}
