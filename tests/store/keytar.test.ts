import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = ['bin/run-ts.mjs', 'tests/store/fixtures/keytarChild.ts'];

/**
 * The real OS keychain path: libsecret over D-Bus with gnome-keyring, as
 * CI and Linux desktops have it. dbus-run-session and gnome-keyring-daemon
 * are required (apt: dbus, gnome-keyring, libsecret-1-dev); a missing one
 * fails here rather than skipping.
 */
describe('keytar key store', () => {
  const dirs: string[] = [];
  const temp = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `hushnote-${name}-`));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0))
      rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the database key in an unlocked gnome-keyring', () => {
    const home = temp('home');
    const dataDir = temp('data');
    const script = `printf hushnote-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node ${CHILD.join(' ')} "$0"`;
    const stdout = execFileSync(
      'dbus-run-session',
      ['--', 'sh', '-c', script, dataDir],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          HOME: home,
          XDG_DATA_HOME: path.join(home, '.local/share'),
          DISPLAY: '',
        },
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(stdout)).toEqual({
      value: '"kept"',
      keyLength: 32,
      afterRemove: null,
      keyFile: false,
    });
  });

  it('reports keychain_unavailable without a session bus, and writes no key', () => {
    const home = temp('home');
    const dataDir = temp('data');
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, DISPLAY: '' };
    delete env['DBUS_SESSION_BUS_ADDRESS'];
    const run = spawnSync('node', [...CHILD, dataDir], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('keychain_unavailable');
  });
});
