import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { AppError } from '../../../contract/errors';
import { log } from '../../log/logger';
import type { DisclosureRecipient } from '../../part2/part2Consent';
import { sessionView } from '../bundleView';
import type {
  ConnectionCheck,
  ConnectorDescription,
  EhrConnector,
  PushResult,
} from '../ehrConnector';
import { buildMdmT02, mdmControlId, type MdmParties } from './mdmMessage';
import { checkAck, sendMllp } from './mllpClient';

export interface Hl7MdmConfig extends MdmParties {
  kind: 'hl7v2-mdm';
  id: string;
  name: string;
  recipient: DisclosureRecipient;
  transport:
    | { type: 'file'; dir: string }
    | {
        type: 'mllp';
        host: string;
        port: number;
        tls?: boolean;
        timeoutMs?: number;
      };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * HL7 v2 MDM^T02 for behavioral-health EHRs without a FHIR write API: the
 * note as a document message, dropped as a file or sent over MLLP.
 */
export class Hl7MdmConnector implements EhrConnector {
  readonly kind = 'hl7v2-mdm' as const;
  readonly id: string;

  constructor(
    private readonly config: Hl7MdmConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.id = config.id;
    const t = config.transport;
    if (t.type === 'mllp' && !t.tls && !LOOPBACK.has(t.host)) {
      throw new AppError(
        'invalid_request',
        'MLLP to another machine must use TLS.',
      );
    }
  }

  describe(): ConnectorDescription {
    const t = this.config.transport;
    return {
      id: this.id,
      kind: this.kind,
      name: this.config.name,
      endpoint: t.type === 'file' ? t.dir : `mllp://${t.host}:${t.port}`,
      recipient: this.config.recipient,
      canPullAppointments: false,
    };
  }

  async testConnection(): Promise<ConnectionCheck> {
    const t = this.config.transport;
    if (t.type === 'file') {
      const ok = await stat(t.dir).then(
        (s) => s.isDirectory(),
        () => false,
      );
      return ok
        ? { ok: true, detail: 'drop folder exists' }
        : {
            ok: false,
            kind: 'ehr_unreachable',
            message: 'The HL7 drop folder does not exist.',
          };
    }
    return { ok: true, detail: `MLLP endpoint ${t.host}:${t.port} configured` };
  }

  async push(bundle: Bundle): Promise<PushResult> {
    const view = sessionView(bundle);
    const message = buildMdmT02(view, this.config, this.now());
    const controlId = mdmControlId(view);
    const t = this.config.transport;

    if (t.type === 'file') {
      const file = await dropFile(t.dir, `${controlId}.hl7`, message);
      return {
        connectorId: this.id,
        locations: [file.path],
        created: file.created ? 1 : 0,
      };
    }
    const ack = await sendMllp(
      {
        host: t.host,
        port: t.port,
        tls: t.tls ?? false,
        timeoutMs: t.timeoutMs ?? 30_000,
      },
      message,
    );
    checkAck(ack);
    log().info('connector.hl7_acked', { connectorId: this.id });
    return { connectorId: this.id, locations: [controlId], created: 1 };
  }
}

/**
 * Writes to a temporary name and renames, so the EHR's folder watcher never
 * reads half a file; an existing file of the same note is left as it is.
 */
async function dropFile(
  dir: string,
  name: string,
  content: string,
): Promise<{ path: string; created: boolean }> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) return { path: target, created: false };
  const temp = path.join(dir, `.${name}.tmp`);
  await writeFile(temp, content, { encoding: 'utf8', mode: 0o600 });
  await rename(temp, target);
  return { path: target, created: true };
}
