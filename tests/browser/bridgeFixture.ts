import { spawn, type ChildProcess } from 'node:child_process';
import { test as base } from '@playwright/test';

export interface ServedApp {
  url: string;
  token: string;
  /** The app URL with the token in the fragment, as `serve` prints it. */
  openUrl: string;
  /** Everything `serve` printed on stdout (other lines, like `ehr:`). */
  output: () => string;
}

/** Spawns a node process and resolves once its stdout matches every pattern. */
export async function spawnAndRead(
  args: string[],
  env: NodeJS.ProcessEnv,
  patterns: RegExp[],
): Promise<{ child: ChildProcess; matches: string[]; output: () => string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const matches = await new Promise<string[]>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code ?? 'signal'}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = patterns.map((p) => p.exec(output)?.[1]);
      if (found.every((m) => m !== undefined)) resolve(found);
    });
  });
  return { child, matches, output: () => output };
}

/** Starts `hushnote serve --port 0` as a user would and reads its URL and token. */
export async function serve(env: NodeJS.ProcessEnv = {}): Promise<{ app: ServedApp; child: ChildProcess }> {
  const { child, matches, output } = await spawnAndRead(
    ['bin/hushnote.mjs', 'serve', '--port', '0'],
    env,
    [/listening on (\S+)/, /token: (\S+)/, /open: (\S+)/],
  );
  const [url = '', token = '', openUrl = ''] = matches;
  return { app: { url, token, openUrl, output }, child };
}

export const test = base.extend<object, { served: ServedApp }>({
  served: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
    async ({}, use) => {
      const { app, child } = await serve();
      await use(app);
      child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
