import {
  copyFile,
  mkdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import { modelsDir, resourcePath } from '../paths';
import { readGgmlModelInfo } from './ggmlHeader';
import {
  downloadWithResume,
  sha256File,
  type DownloadOptions,
} from './download';

/** One supported Whisper model, as listed in resources/models/whisper-manifest.json. */
export interface ModelEntry {
  name: string;
  file: string;
  url: string;
  sizeBytes: number | null;
  /** Null when no checksum is pinned yet: importable, not downloadable. */
  sha256: string | null;
  licence: string;
  multilingual: boolean;
}

export interface ModelStatus extends ModelEntry {
  path: string;
  installed: boolean;
}

/** What the file header says, read without loading the model. */
export interface ModelFileInfo {
  sizeBytes: number;
  englishOnly: boolean;
}

/** whisper.cpp treats n_vocab >= 51865 as multilingual (English-only: 51864). */
const MULTILINGUAL_VOCAB = 51865;

let manifest: ModelEntry[] | undefined;

export async function loadManifest(): Promise<ModelEntry[]> {
  if (!manifest) {
    const raw = await readFile(
      resourcePath('models', 'whisper-manifest.json'),
      'utf8',
    );
    manifest = (JSON.parse(raw) as { models: ModelEntry[] }).models;
  }
  return manifest;
}

export async function findModel(name: string): Promise<ModelEntry | undefined> {
  return (await loadManifest()).find((m) => m.name === name || m.file === name);
}

export async function listModels(dir = modelsDir()): Promise<ModelStatus[]> {
  const entries = await loadManifest();
  return Promise.all(
    entries.map(async (entry) => {
      const file = path.join(dir, entry.file);
      const size = (await stat(file).catch(() => undefined))?.size;
      const installed =
        size !== undefined &&
        (entry.sizeBytes === null || size === entry.sizeBytes);
      return { ...entry, path: file, installed };
    }),
  );
}

/**
 * Turns `--model` input into a file path: a manifest name (`tiny.en`) is
 * looked up in the models folder, anything else is taken as a path.
 * Throws `model_missing` when the file is not there.
 */
export async function resolveModelPath(
  nameOrPath: string,
  dir = modelsDir(),
): Promise<string> {
  const entry = await findModel(nameOrPath);
  const file = entry ? path.join(dir, entry.file) : path.resolve(nameOrPath);
  if (!(await stat(file).catch(() => undefined))) {
    const hint = entry ? ` Run: hushnote models ensure ${entry.name}` : '';
    throw new AppError(
      'model_missing',
      `The speech model is not installed.${hint}`,
    );
  }
  return file;
}

/**
 * Checks that a file looks like a whisper.cpp model before the native
 * loader sees it: present (`model_missing`) and structurally whole
 * (`model_corrupt`, see ggmlHeader.ts). The vocabulary size tells
 * English-only models apart.
 */
export async function inspectModelFile(file: string): Promise<ModelFileInfo> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile())
    throw new AppError('model_missing', 'The speech model file was not found.');

  const model = await readGgmlModelInfo(file);
  return {
    sizeBytes: info.size,
    englishOnly: model.nVocab < MULTILINGUAL_VOCAB,
  };
}

export interface EnsureOptions extends DownloadOptions {
  dir?: string;
  /** Replaces the manifest URL (a mirror, or a local test server). */
  url?: string;
}

/**
 * Makes sure a manifest model is installed and intact: downloads it with
 * resume into `<file>.part`, checks its sha256, then moves it into place.
 * A checksum mismatch deletes the part and throws `model_corrupt`.
 */
export async function ensureModel(
  name: string,
  options: EnsureOptions = {},
): Promise<string> {
  const entry = await findModel(name);
  if (!entry)
    throw new AppError('not_found', `No supported model is called '${name}'.`);
  const dir = options.dir ?? modelsDir();
  const target = path.join(dir, entry.file);

  const current = (await listModels(dir)).find((m) => m.name === entry.name);
  if (current?.installed) return target;
  if (!entry.sha256) {
    throw new AppError(
      'model_missing',
      `No checksum is pinned for '${entry.name}'; import a copy you trust with: hushnote models import FILE`,
    );
  }

  await mkdir(dir, { recursive: true });
  const part = `${target}.part`;
  await downloadWithResume(options.url ?? entry.url, part, options);
  await verifyAndInstall(part, target, entry.sha256);
  log().info('models.installed', { model: entry.name });
  return target;
}

async function verifyAndInstall(
  part: string,
  target: string,
  sha256: string,
): Promise<void> {
  const actual = await sha256File(part);
  if (actual !== sha256) {
    await rm(part, { force: true });
    throw new AppError(
      'model_corrupt',
      'The downloaded model failed its checksum and was discarded.',
    );
  }
  await rename(part, target);
  await writeFile(`${target}.sha256`, `${sha256}\n`);
}

export interface ImportResult {
  path: string;
  sha256: string;
  /** The manifest model whose checksum this file matches, if any. */
  matched: string | undefined;
}

/**
 * Copies a model file the clinician already has into the models folder.
 * A file matching a manifest checksum is installed under that model's name;
 * any other valid ggml file keeps its own name (usable by path).
 */
export async function importModel(
  source: string,
  dir = modelsDir(),
): Promise<ImportResult> {
  await inspectModelFile(source);
  const sha256 = await sha256File(source);
  const match = (await loadManifest()).find((m) => m.sha256 === sha256);

  await mkdir(dir, { recursive: true });
  const target = path.join(dir, match?.file ?? path.basename(source));
  if (path.resolve(source) !== target) {
    await copyFile(source, `${target}.part`);
    await rename(`${target}.part`, target);
  }
  await writeFile(`${target}.sha256`, `${sha256}\n`);
  log().info('models.imported', { matched: match ? 1 : 0 });
  return { path: target, sha256, matched: match?.name };
}
