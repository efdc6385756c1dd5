import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as manager from '../../electron/core/models/manager';
import { createWhisperEngine } from '../../electron/core/speech/whisperEngine';
import { fakeGgmlModel } from './ggmlFixture';

/** A structurally valid, weightless model padded with a 300 kB tensor. */
const MODEL = fakeGgmlModel(
  51864,
  Buffer.concat([
    Buffer.from(new Int32Array([1, 1, 0, 75_000]).buffer),
    Buffer.from('y'),
    randomBytes(300_000),
  ]),
);
const SHA = createHash('sha256').update(MODEL).digest('hex');

let server: Server;
let base: string;
let dropAfter: number | undefined;
const rangesSeen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
    rangesSeen.push(req.headers.range ?? 'none');
    const start = range ? Number(range[1]) : 0;
    const body = MODEL.subarray(start);
    res.writeHead(range ? 206 : 200, { 'content-length': body.length });
    if (dropAfter !== undefined) {
      // Simulates a connection lost part-way through the first attempt.
      res.write(body.subarray(0, dropAfter), () =>
        setTimeout(() => res.destroy(), 100),
      );
      dropAfter = undefined;
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-models-'));
  rangesSeen.length = 0;
});

/** Adds (or re-pins) a test model served by the local server to the loaded manifest. */
async function pinnedEntry(sha256: string): Promise<void> {
  const entry: manager.ModelEntry = {
    name: 'test.en',
    file: 'ggml-test.en.bin',
    url: `${base}/m.bin`,
    sizeBytes: MODEL.length,
    sha256,
    licence: 'MIT',
    multilingual: false,
  };
  const list = await manager.loadManifest();
  const existing = list.find((m) => m.name === entry.name);
  if (existing) Object.assign(existing, entry);
  else list.push(entry);
}

describe('model manifest', () => {
  it('lists the supported models with URL, size, checksum and licence', async () => {
    const names = (await manager.loadManifest()).map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'tiny.en',
        'base.en',
        'small.en',
        'large-v3-turbo-q5_0',
        'base',
      ]),
    );
    for (const m of await manager.loadManifest()) {
      expect(m.url).toMatch(/^https:\/\//);
      expect(m.licence).toBe('MIT');
      if (m.sha256) expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('ensureModel', () => {
  it('downloads, reports progress and verifies the checksum', async () => {
    await pinnedEntry(SHA);
    const progress: number[] = [];
    const file = await manager.ensureModel('test.en', {
      dir,
      onProgress: (p) => progress.push(p.receivedBytes),
    });
    expect(readFileSync(file).equals(MODEL)).toBe(true);
    expect(progress.at(-1)).toBe(MODEL.length);
    expect(readFileSync(`${file}.sha256`, 'utf8').trim()).toBe(SHA);
  });

  it('resumes an interrupted download with an HTTP Range request', async () => {
    await pinnedEntry(SHA);
    dropAfter = 100_000;
    await expect(manager.ensureModel('test.en', { dir })).rejects.toMatchObject(
      { kind: 'model_missing' },
    );
    const part = path.join(dir, 'ggml-test.en.bin.part');
    const kept = readFileSync(part).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(100_000);

    const file = await manager.ensureModel('test.en', { dir });
    expect(rangesSeen).toEqual(['none', `bytes=${kept}-`]);
    expect(readFileSync(file).equals(MODEL)).toBe(true);
  });

  it('discards a download whose checksum does not match', async () => {
    await pinnedEntry('0'.repeat(64));
    await expect(manager.ensureModel('test.en', { dir })).rejects.toMatchObject(
      { kind: 'model_corrupt' },
    );
    expect(existsSync(path.join(dir, 'ggml-test.en.bin'))).toBe(false);
    expect(existsSync(path.join(dir, 'ggml-test.en.bin.part'))).toBe(false);
  });

  it('refuses to download a model without a pinned checksum', async () => {
    await expect(
      manager.ensureModel('large-v3-turbo-q5_0', { dir, url: `${base}/m.bin` }),
    ).rejects.toMatchObject({ kind: 'model_missing' });
  });
});

describe('importModel and model errors', () => {
  it('imports a local ggml file and records its checksum', async () => {
    const source = path.join(dir, 'mine.bin');
    writeFileSync(source, MODEL);
    const target = path.join(dir, 'store');
    const result = await manager.importModel(source, target);
    expect(result).toEqual({
      path: path.join(target, 'mine.bin'),
      sha256: SHA,
      matched: undefined,
    });
    expect(await manager.inspectModelFile(result.path)).toEqual({
      sizeBytes: MODEL.length,
      englishOnly: true,
    });
  });

  it('rejects importing something that is not a model', async () => {
    const source = path.join(dir, 'notes.bin');
    writeFileSync(source, 'not a model at all');
    await expect(manager.importModel(source, dir)).rejects.toMatchObject({
      kind: 'model_corrupt',
    });
  });

  it('gives model_missing for an absent model, by name or by path', async () => {
    await expect(
      manager.resolveModelPath('tiny.en', dir),
    ).rejects.toMatchObject({ kind: 'model_missing' });
    await expect(
      createWhisperEngine({
        modelPath: path.join(dir, 'nope.bin'),
        threads: 1,
      }),
    ).rejects.toMatchObject({ kind: 'model_missing' });
  });

  it('gives model_corrupt for a truncated or scrambled file, without crashing', async () => {
    const cut = path.join(dir, 'ggml-cut.bin');
    writeFileSync(cut, MODEL.subarray(0, MODEL.length - 1000));
    await expect(
      createWhisperEngine({ modelPath: cut, threads: 1 }),
    ).rejects.toMatchObject({ kind: 'model_corrupt' });
    await expect(
      createWhisperEngine({ modelPath: cut, threads: 1 }),
    ).rejects.toThrow(/truncated/);

    // whisper.cpp itself aborts the process on this header (GGML_ASSERT).
    const scrambled = path.join(dir, 'ggml-scrambled.bin');
    writeFileSync(
      scrambled,
      Buffer.concat([MODEL.subarray(0, 8), randomBytes(4000)]),
    );
    await expect(
      createWhisperEngine({ modelPath: scrambled, threads: 1 }),
    ).rejects.toMatchObject({ kind: 'model_corrupt' });
  });

  it('gives model_corrupt when the native loader refuses a well-formed file', async () => {
    const file = path.join(dir, 'ggml-weightless.bin');
    writeFileSync(file, MODEL);
    await expect(
      createWhisperEngine({ modelPath: file, threads: 1 }),
    ).rejects.toMatchObject({ kind: 'model_corrupt' });
  });
});
