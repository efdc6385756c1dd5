import path from 'node:path';
import type { CliCommand } from './index';
import { defaultDataDir, PACKAGE_ROOT } from '../../paths';

interface ServeFlags {
  port: string;
  dataDir?: string;
  ehr?: string;
  threads: string;
}

export const serveCommand: CliCommand = {
  define(program, out) {
    program
      .command('serve')
      .description(
        'serve the app to a local browser through the token-protected bridge',
      )
      .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', '0')
      .option(
        '--data-dir <dir>',
        'where the encrypted store lives (default HUSHNOTE_DATA_DIR)',
      )
      .option(
        '--ehr <url|sandbox>',
        'deliver signed sessions here (default HUSHNOTE_EHR)',
      )
      .option('--threads <n>', 'CPU threads for Whisper and the LLM', '2')
      .action(async (flags: ServeFlags) => {
        const { startBridge } = await import('../../bridge/server');
        const { createAppCore } = await import('../../app/appCore');
        const { keyStoreFromEnv } = await import('../../keys/chooseKeyStore');
        const { realEngines } = await import('../../pipeline/realEngines');
        const { openLiveStream } = await import('../../capture/liveStream');

        const dataDir = flags.dataDir ?? defaultDataDir();
        const ehr = flags.ehr ?? process.env['HUSHNOTE_EHR'];
        const threads = Math.max(1, Number(flags.threads) || 2);
        const core = await createAppCore({
          mode: 'bridge',
          version: '0.1.0',
          dataDir,
          keyStore: keyStoreFromEnv(dataDir),
          engines: realEngines({ threads }),
          liveStream: () => openLiveStream({ threads }),
          ...(ehr ? { ehr } : {}),
        });
        const bridge = await startBridge({
          core,
          port: Number(flags.port),
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
