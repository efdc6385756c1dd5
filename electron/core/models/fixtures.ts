import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { PACKAGE_ROOT, modelsDir } from '../paths';

/**
 * Which real model a test or benchmark needs. Fixtures are listed in
 * models/fixtures.json and provisioned by `npm run fixtures`; a developer or
 * CI can point at larger local models instead (see {@link resolveModel}).
 */
export type ModelRole = 'whisper' | 'llm';

/** One entry of models/fixtures.json (fields the code reads). */
export interface FixtureEntry {
  id: string;
  role: ModelRole;
  file: string;
  sizeBytes: number;
  sha256: string;
  licence: string;
  /** Provisioned only by `npm run fixtures -- --all` (larger, for benchmarks). */
  optional?: boolean;
}

/** Where a resolved model came from, so a benchmark can say what it measured. */
export type ModelSource = 'env' | 'config' | 'fixture';

export interface ResolvedModel {
  role: ModelRole;
  path: string;
  source: ModelSource;
}

/** Environment variables that override the fixture for each role. */
export const MODEL_ENV: Readonly<Record<ModelRole, string>> = {
  whisper: 'HUSHNOTE_WHISPER_MODEL',
  llm: 'HUSHNOTE_LLM_MODEL',
};

const FixtureSchema = z.object({
  id: z.string(),
  role: z.enum(['whisper', 'llm']),
  file: z.string(),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  licence: z.string(),
  optional: z.boolean().optional(),
});

const ConfigSchema = z.object({
  whisper: z.string().min(1).optional(),
  llm: z.string().min(1).optional(),
});

const PROVISION_HINT = 'Run: npm run fixtures';

/** The fixture manifest shipped in the repository. */
export function loadFixtureManifest(
  file = path.join(PACKAGE_ROOT, 'models', 'fixtures.json'),
): FixtureEntry[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { fixtures: unknown };
  return z.array(FixtureSchema).parse(raw.fixtures).map(stripUndefined);
}

function stripUndefined(entry: z.infer<typeof FixtureSchema>): FixtureEntry {
  const { optional, ...rest } = entry;
  return optional === undefined ? rest : { ...rest, optional };
}

/**
 * The model file to use for a role, first match wins:
 * 1. the role's environment variable (HUSHNOTE_WHISPER_MODEL, HUSHNOTE_LLM_MODEL);
 * 2. the local config file, HUSHNOTE_MODELS_CONFIG or `<models dir>/local.json`,
 *    e.g. `{ "whisper": "/models/ggml-base.en.bin", "llm": "/models/3b.gguf" }`
 *    (relative paths are taken from the config file's folder);
 * 3. the role's default fixture in the model cache.
 * Throws `model_missing` when the chosen file is absent, with a hint.
 */
export function resolveModel(role: ModelRole): ResolvedModel {
  const fromEnv = process.env[MODEL_ENV[role]];
  if (fromEnv)
    return {
      role,
      path: existing(path.resolve(fromEnv), MODEL_ENV[role]),
      source: 'env',
    };

  const configured = fromConfig(role);
  if (configured)
    return {
      role,
      path: existing(configured.path, configured.file),
      source: 'config',
    };

  const fixture = loadFixtureManifest().find(
    (entry) => entry.role === role && !entry.optional,
  );
  if (!fixture)
    throw new AppError(
      'model_missing',
      `No ${role} fixture is listed in models/fixtures.json.`,
    );
  return { role, path: fixturePath(fixture.id), source: 'fixture' };
}

/** The Whisper (whisper.cpp ggml) model tests and benchmarks should load. */
export function whisperModelPath(): string {
  return resolveModel('whisper').path;
}

/** The GGUF instruct model tests and benchmarks should load. */
export function llmModelPath(): string {
  return resolveModel('llm').path;
}

/**
 * The provisioned file of one fixture by id, ignoring overrides: for tests
 * whose expectations hold for that exact model. `model_missing` when not
 * provisioned; `model_corrupt` when its size is not the manifest's.
 */
export function fixturePath(id: string, dir = modelsDir()): string {
  const fixture = loadFixtureManifest().find((entry) => entry.id === id);
  if (!fixture)
    throw new AppError('not_found', `No model fixture is called '${id}'.`);

  const file = path.join(dir, fixture.file);
  if (!existsSync(file)) {
    const flag = fixture.optional ? ' -- --all' : '';
    throw new AppError(
      'model_missing',
      `The ${fixture.role} fixture '${id}' is not provisioned. ${PROVISION_HINT}${flag}`,
    );
  }
  if (statSync(file).size !== fixture.sizeBytes) {
    throw new AppError(
      'model_corrupt',
      `The ${fixture.role} fixture '${id}' is damaged. Run: npm run fixtures -- --verify`,
    );
  }
  return file;
}

function fromConfig(
  role: ModelRole,
): { path: string; file: string } | undefined {
  const file =
    process.env['HUSHNOTE_MODELS_CONFIG'] ||
    path.join(modelsDir(), 'local.json');
  if (!existsSync(file)) return undefined;

  let parsed: z.infer<typeof ConfigSchema>;
  try {
    parsed = ConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new AppError(
      'invalid_request',
      `The model config ${file} is not valid JSON of model paths.`,
      { cause: error },
    );
  }
  const value = parsed[role];
  return value
    ? { path: path.resolve(path.dirname(file), value), file }
    : undefined;
}

function existing(file: string, origin: string): string {
  if (!existsSync(file)) {
    throw new AppError(
      'model_missing',
      `The ${origin} model path does not exist: ${file}`,
    );
  }
  return file;
}
