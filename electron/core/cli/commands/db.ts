import type { CliCommand } from './index';

export const dbCommand: CliCommand = {
  define(program, out) {
    const db = program
      .command('db')
      .description('manage the encrypted local database');

    db.command('rekey')
      .description(
        're-encrypt the database under a new random key held by the key store',
      )
      .option(
        '--data-dir <dir>',
        'data folder (default: HUSHNOTE_DATA_DIR or the XDG data home)',
      )
      .option(
        '--actor <id>',
        'who is rotating the key (recorded in the trail)',
        'cli',
      )
      .option('--json', 'print one JSON object')
      .action(
        async (opts: { dataDir?: string; actor: string; json?: boolean }) => {
          const { openExistingStore } = await import('../../store/cliStore');
          const { databaseFile } = await import('../../store/openStore');
          const { rekeyDatabase } = await import('../../keys/rekey');
          const store = await openExistingStore(opts.dataDir);
          try {
            await rekeyDatabase({
              db: store.db,
              file: databaseFile(store.dataDir),
              keyStore: store.keyStore,
              actor: opts.actor,
            });
          } finally {
            store.db.close();
          }
          if (opts.json) out.json({ ok: true, keyStore: store.keyStore.kind });
          else
            out.stdout(
              `database re-encrypted; new key saved in the ${store.keyStore.kind} store\n`,
            );
        },
      );
  },
};
