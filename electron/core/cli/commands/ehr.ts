import type { CliCommand } from './index';

/** `hushnote ehr`: the FHIR sandbox, the delivery outbox and Part 2 disclosures. */
export const ehrCommand: CliCommand = {
  define(program, out) {
    const ehr = program
      .command('ehr')
      .description(
        'EHR connectors: sandbox server, outbox, Part 2 disclosures',
      );

    ehr
      .command('sandbox')
      .description(
        'run a local FHIR R4 sandbox server (in memory) until interrupted',
      )
      .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', '0')
      .option('--json', 'print one JSON object')
      .action(async (opts: { port: string; json?: boolean }) => {
        const { startSandboxFhirServer } =
          await import('../../connectors/sandbox/sandboxFhirServer');
        const server = await startSandboxFhirServer({
          port: Number(opts.port),
        });
        if (opts.json)
          out.json({ baseUrl: server.baseUrl, tokenUrl: server.tokenUrl });
        else out.stdout(`FHIR R4 sandbox at ${server.baseUrl}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => void server.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });

    ehr
      .command('outbox')
      .description('list pending and failed deliveries')
      .option(
        '--data-dir <dir>',
        'data folder (default: HUSHNOTE_DATA_DIR or the XDG data home)',
      )
      .option('--json', 'print one JSON object')
      .action(async (opts: { dataDir?: string; json?: boolean }) => {
        const { openExistingStore } = await import('../../store/cliStore');
        const { OutboxRepository } =
          await import('../../store/repositories/outbox');
        const { readLastError } = await import('../../outbox/outboxJob');
        const store = await openExistingStore(opts.dataDir);
        try {
          const repo = new OutboxRepository(store.db);
          const rows = [
            ...repo.list('pending'),
            ...repo.list('in_flight'),
            ...repo.list('failed'),
          ].map((i) => ({
            id: i.id,
            connectorId: i.connectorId,
            status: i.status,
            attempts: i.attempts,
            nextAttemptAt: i.nextAttemptAt,
            error: readLastError(i.lastError),
          }));
          if (opts.json) out.json({ deliveries: rows });
          else if (rows.length === 0)
            out.stdout('no pending or failed deliveries\n');
          else
            for (const r of rows) {
              const why = r.error
                ? ` - ${r.error.kind}: ${r.error.message}`
                : '';
              out.stdout(
                `${r.status.padEnd(9)} ${r.connectorId} attempt ${r.attempts}, next ${r.nextAttemptAt}${why}\n`,
              );
            }
        } finally {
          store.db.close();
        }
      });

    ehr
      .command('disclosures <clientId>')
      .description("list a client's 42 CFR Part 2 disclosures (§2.24)")
      .option(
        '--data-dir <dir>',
        'data folder (default: HUSHNOTE_DATA_DIR or the XDG data home)',
      )
      .option('--since <date>', 'only disclosures on or after this date')
      .option('--json', 'print one JSON object')
      .action(
        async (
          clientId: string,
          opts: { dataDir?: string; since?: string; json?: boolean },
        ) => {
          const { openExistingStore } = await import('../../store/cliStore');
          const { AuditDisclosureLog } =
            await import('../../part2/disclosureLog');
          const store = await openExistingStore(opts.dataDir);
          try {
            const list = new AuditDisclosureLog(store.db).listForClient(
              clientId,
              opts.since,
            );
            if (opts.json) out.json({ clientId, disclosures: list });
            else if (list.length === 0) out.stdout('no disclosures recorded\n');
            else
              for (const d of list) {
                out.stdout(
                  `${d.at} to ${d.recipient.name} (${d.purposes.join(', ')}): ${d.information.join(', ')}; consent ${d.consentId}\n`,
                );
              }
          } finally {
            store.db.close();
          }
        },
      );
  },
};
