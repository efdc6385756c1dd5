import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../contract/errors';
import {
  fixturePath,
  llmModelPath,
  loadFixtureManifest,
  resolveModel,
  whisperModelPath,
} from './fixtures';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-fixtures-'));
  vi.stubEnv('HUSHNOTE_MODELS_DIR', dir);
  vi.stubEnv('HUSHNOTE_WHISPER_MODEL', '');
  vi.stubEnv('HUSHNOTE_LLM_MODEL', '');
  vi.stubEnv('HUSHNOTE_MODELS_CONFIG', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a stand-in file of the fixture's manifest size (sparse, instant). */
function provisionFake(id: string): string {
  const entry = loadFixtureManifest().find((fixture) => fixture.id === id);
  if (!entry) throw new Error(`no fixture ${id}`);
  const file = path.join(dir, entry.file);
  writeFileSync(file, '');
  truncateSync(file, entry.sizeBytes);
  return file;
}

function errorOf(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected an AppError');
}

describe('model fixtures', () => {
  it('lists one default fixture per role with pinned sha256', () => {
    const defaults = loadFixtureManifest().filter((entry) => !entry.optional);
    expect(defaults.map((entry) => entry.role).sort()).toEqual([
      'llm',
      'whisper',
    ]);
    for (const entry of defaults)
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says how to provision a missing fixture', () => {
    const error = errorOf(() => whisperModelPath());
    expect(error.kind).toBe('model_missing');
    expect(error.message).toContain('npm run fixtures');
  });

  it('resolves provisioned fixtures from the models folder', () => {
    const whisper = provisionFake('whisper-tiny.en');
    const llm = provisionFake('smollm2-135m-instruct');
    expect(whisperModelPath()).toBe(whisper);
    expect(llmModelPath()).toBe(llm);
    expect(resolveModel('llm').source).toBe('fixture');
  });

  it('reports a fixture of the wrong size as corrupt', () => {
    const file = provisionFake('whisper-tiny.en');
    truncateSync(file, 10);
    expect(errorOf(() => fixturePath('whisper-tiny.en')).kind).toBe(
      'model_corrupt',
    );
  });

  it('prefers the environment variable over config and fixture', () => {
    provisionFake('whisper-tiny.en');
    const big = path.join(dir, 'ggml-base.en.bin');
    writeFileSync(big, 'x');
    vi.stubEnv('HUSHNOTE_WHISPER_MODEL', big);
    expect(resolveModel('whisper')).toEqual({
      role: 'whisper',
      path: big,
      source: 'env',
    });
  });

  it('reads local.json with paths relative to it', () => {
    writeFileSync(path.join(dir, 'qwen-3b.gguf'), 'x');
    writeFileSync(
      path.join(dir, 'local.json'),
      JSON.stringify({ llm: 'qwen-3b.gguf' }),
    );
    expect(resolveModel('llm')).toEqual({
      role: 'llm',
      path: path.join(dir, 'qwen-3b.gguf'),
      source: 'config',
    });
  });

  it('rejects an override that points nowhere, naming where it came from', () => {
    vi.stubEnv('HUSHNOTE_LLM_MODEL', path.join(dir, 'absent.gguf'));
    const error = errorOf(() => llmModelPath());
    expect(error.kind).toBe('model_missing');
    expect(error.message).toContain('HUSHNOTE_LLM_MODEL');
  });

  it('rejects a malformed config file', () => {
    writeFileSync(path.join(dir, 'local.json'), '{"llm": 3}');
    expect(errorOf(() => llmModelPath()).kind).toBe('invalid_request');
  });
});
