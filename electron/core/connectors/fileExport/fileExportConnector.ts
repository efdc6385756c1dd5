import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import type { DisclosureRecipient } from '../../part2/part2Consent';
import { sessionView } from '../bundleView';
import type {
  ConnectionCheck,
  ConnectorDescription,
  EhrConnector,
  PushResult,
} from '../ehrConnector';

export interface FileExportConfig {
  kind: 'file-export';
  id: string;
  name: string;
  dir: string;
  recipient: DisclosureRecipient;
}

/**
 * For copy-in workflows: writes the FHIR Bundle (`bundle.json`, a
 * transaction any FHIR server can import) and the note as `note.pdf` into a
 * folder named after the encounter. Re-exporting rewrites the same files.
 */
export class FileExportConnector implements EhrConnector {
  readonly kind = 'file-export' as const;
  readonly id: string;

  constructor(private readonly config: FileExportConfig) {
    this.id = config.id;
  }

  describe(): ConnectorDescription {
    return {
      id: this.id,
      kind: this.kind,
      name: this.config.name,
      endpoint: this.config.dir,
      recipient: this.config.recipient,
      canPullAppointments: false,
    };
  }

  async testConnection(): Promise<ConnectionCheck> {
    await mkdir(this.config.dir, { recursive: true });
    return { ok: true, detail: 'export folder ready' };
  }

  async push(bundle: Bundle): Promise<PushResult> {
    const view = sessionView(bundle);
    const folderName = (
      view.encounter.identifier?.[0]?.value ?? 'session'
    ).replace(/[^A-Za-z0-9_-]/g, '_');
    const folder = path.join(this.config.dir, folderName);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const existed = await stat(path.join(folder, 'bundle.json')).then(
      () => true,
      () => false,
    );

    const files = [
      await writeAtomic(
        folder,
        'bundle.json',
        `${JSON.stringify(bundle, null, 2)}\n`,
      ),
    ];
    if (view.notePdf)
      files.push(await writeAtomic(folder, 'note.pdf', view.notePdf));
    return {
      connectorId: this.id,
      locations: files,
      created: existed ? 0 : files.length,
    };
  }
}

async function writeAtomic(
  dir: string,
  name: string,
  data: string | Buffer,
): Promise<string> {
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.tmp`);
  await writeFile(temp, data, { mode: 0o600 });
  await rename(temp, target);
  return target;
}
