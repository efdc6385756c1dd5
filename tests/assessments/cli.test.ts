import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../electron/core/cli/main';
import { sessionPath } from './fixtures';

/** Runs the CLI in-process and captures what it writes. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(['node', 'hushnote', 'assess', ...args]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hushnote assess', () => {
  it('scores answers and prints total, severity and the item 9 flag', async () => {
    const { code, stdout } = await run([
      '--instrument',
      'phq9',
      '--answers',
      '2,3,3,2,1,2,1,0,1',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('PHQ-9: 15, moderately severe');
    expect(stdout).toContain('phq9_item9');
  });

  it('prints one JSON object with --json', async () => {
    const { stdout } = await run([
      '--instrument',
      'gad7',
      '--answers',
      '0,0,0,0,0,0,0',
      '--json',
    ]);
    const parsed = JSON.parse(stdout) as {
      assessments: { total: number; severity: string }[];
      flags: unknown[];
    };
    expect(parsed.assessments[0]).toMatchObject({
      total: 0,
      severity: 'minimal',
    });
    expect(parsed.flags).toEqual([]);
  });

  it('reads a fixture transcript', async () => {
    const { code, stdout } = await run([
      '--transcript',
      sessionPath('cbt-phq9-demo'),
      '--json',
    ]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      assessments: { total: number }[];
      flags: { type: string }[];
    };
    expect(parsed.assessments[0]?.total).toBe(15);
    expect(parsed.flags.map((flag) => flag.type)).toContain('phq9_item9');
  });

  it('reads a { segments } transcript', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assess-'));
    const file = path.join(dir, 't.json');
    const segments = [
      {
        id: 'a',
        start: 0,
        end: 3,
        role: 'client',
        channel: 1,
        text: 'I have been cutting myself.',
        confidence: 0.9,
      },
    ];
    writeFileSync(file, JSON.stringify({ segments }));
    const { stdout } = await run(['--transcript', file]);
    expect(stdout).toContain('No assessment found.');
    expect(stdout).toContain('MODERATE self_harm at 0.0s');
  });

  it('fails clearly on bad input', async () => {
    expect(
      (await run(['--instrument', 'phq9', '--answers', '2,9'])).stderr,
    ).toMatch(/invalid_request: PHQ-9 item 2/);
    expect((await run(['--instrument', 'phq9'])).code).toBe(1);
    expect((await run(['--transcript', '/no/such/file.json'])).stderr).toMatch(
      /not_found/,
    );
  });
});
