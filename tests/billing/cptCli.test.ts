import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { BillingSuggestion } from '../../electron/core/billing/types';
import { cptCommand } from '../../electron/core/cli/commands/cpt';
import type { Output } from '../../electron/core/cli/output';

async function run(args: string[]) {
  let stdout = '';
  let code = 0;
  const out: Output = {
    stdout: (t) => void (stdout += t),
    stderr: () => undefined,
    json: (v) => void (stdout += JSON.stringify(v)),
    fail: (c) => void (code = c),
    exitCode: () => code,
  };
  const program = new Command('hushnote').exitOverride();
  cptCommand.define(program, out);
  await program.parseAsync(['node', 'hushnote', 'cpt', ...args]);
  return { stdout, code };
}

describe('hushnote cpt', () => {
  it('prints one JSON object for a commercial video visit at home', async () => {
    const { stdout, code } = await run(
      '--minutes 53 --modality video --client-location home --payer commercial --credential LCSW --json'.split(
        ' ',
      ),
    );
    const s = JSON.parse(stdout) as BillingSuggestion;
    expect(code).toBe(0);
    expect(s.lines.map((l) => [l.cpt, l.units, l.modifiers, l.pos])).toEqual([
      ['90837', 1, ['95'], '10'],
    ]);
    expect(s.reasons.length).toBeGreaterThan(0);
  });

  it('prints codes, POS and reasons as text, and exits 2 when blocked', async () => {
    const ok = await run(
      '--minutes 40 --service family-with-client --payer medicare'.split(' '),
    );
    expect(ok.stdout).toMatch(/^90847 {2}x1 {2}POS 11/);
    expect(ok.stdout).toMatch(/because: 40 min of family psychotherapy/);

    const blocked = await run('--minutes 15 --payer medicare'.split(' '));
    expect(blocked.code).toBe(2);
    expect(blocked.stdout).toMatch(/No billable code/);
  });

  it('refuses an unknown service', async () => {
    await expect(
      run('--minutes 40 --service yoga'.split(' ')),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});
