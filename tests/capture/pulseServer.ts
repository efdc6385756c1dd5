import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A private PulseAudio server for capture tests: its own runtime folder and
 * socket, no default modules, anonymous clients, nothing shared with a
 * desktop session. `pactl` and `paplay` reach it through `env`.
 */
export interface PulseServer {
  env: NodeJS.ProcessEnv;
  pactl(...args: string[]): Promise<string>;
  /** Plays a file into a sink from another process; resolves when done. */
  play(file: string, sink: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPulseServer(): Promise<PulseServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-pulse-'));
  const socket = path.join(dir, 'native');
  const env = {
    ...process.env,
    XDG_RUNTIME_DIR: dir,
    PULSE_SERVER: `unix:${socket}`,
    HOME: dir,
  };
  const daemon: ChildProcess = spawn(
    'pulseaudio',
    [
      '-n',
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--use-pid-file=no',
      '--disable-shm=yes',
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
    ],
    { env, stdio: 'ignore' },
  );

  const pactl = async (...args: string[]) =>
    (await run('pactl', args, { env, timeout: 10_000 })).stdout;
  await waitFor(() => pactl('info'));
  return {
    env,
    pactl,
    play: async (file, sink) => {
      await run('paplay', [`--device=${sink}`, file], {
        env,
        timeout: 120_000,
      });
    },
    close: async () => {
      daemon.kill('SIGTERM');
      await new Promise((resolve) => daemon.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(probe: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await probe();
      return;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
