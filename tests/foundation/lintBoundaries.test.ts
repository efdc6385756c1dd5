import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- plain ESM config module without types
// @ts-ignore
import { boundaries } from '../../eslint.boundaries.mjs';

// Lints source text with the same boundary rules the project config uses.
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser },
      },
      ...(boundaries as ESLint.Options['overrideConfig'][]),
    ] as ESLint.Options['overrideConfig'],
    cwd: process.cwd(),
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('import boundaries', () => {
  it('fails a renderer file importing node:fs', async () => {
    const messages = await lint(
      'renderer/src/bad.ts',
      "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n",
    );
    expect(messages.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('fails a renderer file importing electron or a native module', async () => {
    expect(
      await lint('renderer/src/bad.ts', "import 'electron';\n"),
    ).toHaveLength(1);
    expect(
      await lint(
        'renderer/src/bad.ts',
        "import 'better-sqlite3-multiple-ciphers';\n",
      ),
    ).toHaveLength(1);
  });

  it('fails core code importing electron', async () => {
    const messages = await lint(
      'electron/core/x.ts',
      "import { app } from 'electron';\nvoid app;\n",
    );
    expect(messages.join('\n')).toMatch(/plain Node/);
  });

  it('fails main importing the renderer', async () => {
    const messages = await lint(
      'electron/main/x.ts',
      "import '../../renderer/src/App';\n",
    );
    expect(messages.join('\n')).toMatch(/never imports the renderer/);
  });

  it('lets the renderer import the contract', async () => {
    expect(
      await lint(
        'renderer/src/ok.ts',
        "import '../../electron/contract/contract';\n",
      ),
    ).toEqual([]);
  });
});
