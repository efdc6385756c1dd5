import { writeFileSync } from 'node:fs';
import type { CliCommand } from './index';

const DATA_DIR_HELP =
  'data folder (default: HUSHNOTE_DATA_DIR or the XDG data home)';

export const auditCommand: CliCommand = {
  define(program, out) {
    const audit = program
      .command('audit')
      .description('check and export the tamper-evident audit trail');

    audit
      .command('verify')
      .description(
        'verify the audit hash chain; exits 1 and names the first bad row',
      )
      .option('--data-dir <dir>', DATA_DIR_HELP)
      .option('--json', 'print one JSON object')
      .action(async (opts: { dataDir?: string; json?: boolean }) => {
        const { openExistingStore } = await import('../../store/cliStore');
        const { verifyAudit } = await import('../../audit/audit');
        const { db } = await openExistingStore(opts.dataDir);
        try {
          const verdict = verifyAudit(db);
          if (opts.json) out.json(verdict);
          else if (verdict.ok)
            out.stdout(
              `audit chain ok: ${verdict.count} entries, head ${verdict.headHash}\n`,
            );
          else
            out.stdout(
              `audit chain broken at row ${verdict.badRowId} (${verdict.reason})\n`,
            );
          if (!verdict.ok) out.fail(1);
        } finally {
          db.close();
        }
      });

    audit
      .command('export')
      .description(
        'export audit entries as a FHIR R4 Bundle of AuditEvent resources',
      )
      .option('--data-dir <dir>', DATA_DIR_HELP)
      .option('--after <id>', 'only entries after this row id', '0')
      .option('--out <file>', 'write to a file instead of stdout')
      .option('--actor <id>', 'who is exporting (recorded in the trail)', 'cli')
      .action(
        async (opts: {
          dataDir?: string;
          after: string;
          out?: string;
          actor: string;
        }) => {
          const { openExistingStore } = await import('../../store/cliStore');
          const { appendAudit, listAudit } = await import('../../audit/audit');
          const { toFhirAuditBundle } = await import('../../audit/auditEvent');
          const { db } = await openExistingStore(opts.dataDir);
          try {
            const entries = listAudit(db, {
              afterId: Number(opts.after),
              limit: Number.MAX_SAFE_INTEGER,
            });
            const bundle = toFhirAuditBundle(entries);
            appendAudit(db, {
              actor: opts.actor,
              action: 'export',
              objectType: 'audit_log',
              objectId: 'main',
              detail: { entries: entries.length },
            });
            if (opts.out)
              writeFileSync(opts.out, `${JSON.stringify(bundle, null, 2)}\n`, {
                mode: 0o600,
              });
            else out.json(bundle);
          } finally {
            db.close();
          }
        },
      );
  },
};
