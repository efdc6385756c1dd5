import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../contract/errors';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | undefined;
}

export interface DownloadOptions {
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Downloads `url` into `partPath`, resuming from the bytes already there
 * with an HTTP Range request. A server that ignores the Range (200) restarts
 * the file; 416 means the part is already complete.
 */
export async function downloadWithResume(
  url: string,
  partPath: string,
  options: DownloadOptions = {},
): Promise<void> {
  const have = (await stat(partPath).catch(() => undefined))?.size ?? 0;
  const headers: Record<string, string> =
    have > 0 ? { Range: `bytes=${have}-` } : {};
  const response = await fetch(url, {
    headers,
    ...(options.signal ? { signal: options.signal } : {}),
  }).catch((error: unknown) => {
    if (options.signal?.aborted)
      throw new AppError('cancelled', 'The download was cancelled.');
    throw new AppError(
      'model_missing',
      'The model could not be downloaded (no connection).',
      { cause: error },
    );
  });

  if (response.status === 416) return;
  if (!response.ok || !response.body) {
    throw new AppError(
      'model_missing',
      `The model download failed (HTTP ${response.status}).`,
    );
  }

  const resumed = response.status === 206;
  const start = resumed ? have : 0;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? start + length : undefined;
  await writeBody(response.body, partPath, resumed, start, total, options);
}

async function writeBody(
  body: ReadableStream<Uint8Array>,
  partPath: string,
  append: boolean,
  start: number,
  total: number | undefined,
  options: DownloadOptions,
): Promise<void> {
  const source = Readable.fromWeb(body);
  const sink = createWriteStream(partPath, { flags: append ? 'a' : 'w' });
  let received = start;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (!sink.write(chunk)) await once(sink, 'drain');
      received += chunk.length;
      options.onProgress?.({ receivedBytes: received, totalBytes: total });
    }
  } catch (error) {
    // What arrived is flushed below and kept: the next attempt resumes from it.
    if (options.signal?.aborted)
      throw new AppError('cancelled', 'The download was cancelled.');
    throw new AppError(
      'model_missing',
      'The model download was interrupted; run it again to resume.',
      { cause: error },
    );
  } finally {
    await new Promise<void>((resolve) => sink.end(resolve));
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
