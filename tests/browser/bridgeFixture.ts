import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

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
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code ?? 'signal'}`)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = patterns.map((p) => p.exec(output)?.[1]);
      if (found.every((m) => m !== undefined)) resolve(found);
    });
  });
  return { child, matches, output: () => output };
}

/** SIGTERM, then SIGKILL if the process has not exited after a grace period. */
export async function stopProcess(
  child: ChildProcess,
  graceMs = 5000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Starts `hushnote serve --port 0` as a user would and reads its URL and token. */
export async function serve(
  env: NodeJS.ProcessEnv = {},
): Promise<{ app: ServedApp; child: ChildProcess }> {
  const { child, matches, output } = await spawnAndRead(
    ['bin/hushnote.mjs', 'serve', '--port', '0'],
    env,
    [/listening on (\S+)/, /token: (\S+)/, /open: (\S+)/],
  );
  const [url = '', token = '', openUrl = ''] = matches;
  return { app: { url, token, openUrl, output }, child };
}

/** A fresh data folder with a passphrase-wrapped key (no OS keychain in CI). */
export function isolatedStore(): {
  env: NodeJS.ProcessEnv;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-browser-'));
  return {
    env: {
      HUSHNOTE_DATA_DIR: dir,
      HUSHNOTE_KEYSTORE: 'passphrase',
      HUSHNOTE_PASSPHRASE: 'browser-test-passphrase',
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const CLINICIAN = {
  username: 'arivera',
  displayName: 'Alex Rivera',
  password: 'correct horse battery staple',
};

/** Creates the first account on a fresh store, or signs in to an existing one. */
export async function signIn(page: Page): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Create the first account' });
  const login = page.getByRole('heading', { name: 'Sign in' });
  const ready = page.getByRole('navigation').getByText(CLINICIAN.displayName);
  await expect(setup.or(login).or(ready)).toBeVisible();
  if (await setup.isVisible()) {
    await page.getByLabel('Username').fill(CLINICIAN.username);
    await page
      .getByLabel('Name as it appears on notes')
      .fill(CLINICIAN.displayName);
    await page.getByLabel('Password').fill(CLINICIAN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
  } else if (await login.isVisible()) {
    await page.getByLabel('Username').fill(CLINICIAN.username);
    await page.getByLabel('Password').fill(CLINICIAN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(ready).toBeVisible();
}

export const test = base.extend<object, { served: ServedApp }>({
  served: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
    async ({}, use) => {
      const store = isolatedStore();
      const { app, child } = await serve(store.env);
      await use(app);
      await stopProcess(child);
      store.remove();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
