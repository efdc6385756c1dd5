import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The CLI as a user runs it, in its own process: it must end once its work
 * is done. A native handle left open (whisper.cpp's log callback did this)
 * prints every result and then never returns to the shell, so `npm run
 * demo` hung after its summary. The results are checked too, but the point
 * here is the exit itself, which in-process tests of `main()` cannot see.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures');
/** A hang guard, not a speed bar: a healthy run takes a small part of it. */
const HANG_MS = 240_000;

interface Run {
  code: number | null;
  hung: boolean;
  stdout: string;
  stderr: string;
}

function hushnote(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hushnote.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, hung, stdout, stderr });
    });
  });
}

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the hushnote CLI ends when its work is done', () => {
  it('transcribe exits 0 after printing the transcript', async () => {
    const run = await hushnote([
      'transcribe',
      path.join(FIXTURES, 'audio', 'jfk.wav'),
      '--json',
    ]);

    expect(run.hung, 'still running long after its output').toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      segments: { text: string }[];
    };
    expect(result.segments.map((s) => s.text).join(' ')).toMatch(/country/i);
  });

  it('process refuses an unknown --format before any work, leaving no data behind', async () => {
    const dataDir = path.join(
      mkdtempSync(path.join(tmpdir(), 'hushnote-cli-format-')),
      'data',
    );
    dataDirs.push(path.dirname(dataDir));
    const run = await hushnote([
      'process',
      'resources/samples/cbt-phq9-demo.flac',
      '--appointment',
      'resources/samples/cbt-phq9-demo.appointment.json',
      '--format',
      'nosuch',
      '--data-dir',
      dataDir,
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No note template named "nosuch"');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('process exits 0 after signing and delivering to the sandbox EHR', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hushnote-cli-exit-'));
    dataDirs.push(dataDir);
    const run = await hushnote(
      [
        'process',
        'resources/samples/cbt-phq9-demo.flac',
        '--appointment',
        'resources/samples/cbt-phq9-demo.appointment.json',
        '--engine',
        'rules',
        '--ehr',
        'sandbox',
        '--sign-as',
        'demo-clinician',
        '--data-dir',
        dataDir,
        '--json',
      ],
      {
        HUSHNOTE_KEYSTORE: 'passphrase',
        HUSHNOTE_PASSPHRASE: 'cli-exit test passphrase',
      },
    );

    expect(run.hung, 'still running long after its output').toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { summary: { status: string } };
    expect(result.summary.status).toBe('signed');
  });
});
