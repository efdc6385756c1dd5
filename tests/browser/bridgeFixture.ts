import { spawn, type ChildProcess } from 'node:child_process';
import { test as base } from '@playwright/test';

export interface ServedApp {
  url: string;
  token: string;
  /** The app URL with the token in the fragment, as `serve` prints it. */
  openUrl: string;
}

/** Starts `hushnote serve --port 0` as a user would and reads its URL and token. */
export async function serve(env: NodeJS.ProcessEnv = {}): Promise<{ app: ServedApp; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/hushnote.mjs', 'serve', '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const app = await new Promise<ServedApp>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code ?? 'signal'}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (\S+)/.exec(output)?.[1];
      const token = /token: (\S+)/.exec(output)?.[1];
      const openUrl = /open: (\S+)/.exec(output)?.[1];
      if (url && token && openUrl) resolve({ url, token, openUrl });
    });
  });
  return { app, child };
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
