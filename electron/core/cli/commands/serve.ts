import path from 'node:path';
import type { CliCommand } from './index';
import { PACKAGE_ROOT } from '../../paths';

export const serveCommand: CliCommand = {
  define(program, out) {
    program
      .command('serve')
      .description('serve the app to a local browser through the token-protected bridge')
      .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', '0')
      .action(async (opts: { port: string }) => {
        const { startBridge } = await import('../../bridge/server');
        const { createCore } = await import('../../app/core');
        const core = createCore({ mode: 'bridge', version: '0.1.0' });
        const bridge = await startBridge({
          core,
          port: Number(opts.port),
          rendererDir: path.join(PACKAGE_ROOT, 'out', 'renderer'),
        });
        out.stdout(`Hushnote bridge listening on ${bridge.url}\n`);
        out.stdout(`token: ${bridge.token}\n`);
        out.stdout(`open: ${bridge.url}#token=${bridge.token}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => void bridge.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
  },
};
