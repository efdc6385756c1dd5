import type { CliCommand } from './index';

export const modelsCommand: CliCommand = {
  define(program, out) {
    const models = program
      .command('models')
      .description('list, download or import Whisper models');

    models
      .command('list')
      .description('supported models and whether each is installed')
      .option('--json', 'print one JSON object')
      .action(async (flags: { json?: boolean }) => {
        const { listModels } = await import('../../models/manager');
        const list = await listModels();
        if (flags.json) {
          out.json({ models: list });
          return;
        }
        for (const m of list) {
          const size = m.sizeBytes
            ? `${Math.round(m.sizeBytes / 2 ** 20)} MiB`
            : 'size ?';
          const state = m.installed ? 'installed' : '-';
          out.stdout(
            `${m.name.padEnd(22)} ${size.padStart(9)}  ${m.licence.padEnd(5)} ${state}\n`,
          );
        }
      });

    models
      .command('ensure')
      .description('download a model if missing (resumes, checks sha256)')
      .argument('<name>', 'model name, e.g. base.en')
      .option('--url <url>', 'download from a mirror instead')
      .option('--json', 'print one JSON object')
      .action(async (name: string, flags: { url?: string; json?: boolean }) => {
        const { ensureModel } = await import('../../models/manager');
        const file = await ensureModel(name, {
          ...(flags.url ? { url: flags.url } : {}),
          onProgress: ({ receivedBytes, totalBytes }) => {
            const pct = totalBytes
              ? `${Math.floor((receivedBytes / totalBytes) * 100)}%`
              : '';
            out.stderr(
              `\r${name}: ${Math.round(receivedBytes / 2 ** 20)} MiB ${pct}`,
            );
          },
        });
        if (flags.json) out.json({ name, path: file });
        else out.stdout(`\n${name}: ${file}\n`);
      });

    models
      .command('import')
      .description('copy a model file you already have into the models folder')
      .argument('<file>', 'a whisper.cpp ggml .bin file')
      .option('--json', 'print one JSON object')
      .action(async (file: string, flags: { json?: boolean }) => {
        const { importModel } = await import('../../models/manager');
        const result = await importModel(file);
        if (flags.json) out.json(result);
        else
          out.stdout(
            `${result.matched ?? 'imported'}: ${result.path} (sha256 ${result.sha256})\n`,
          );
      });
  },
};
