import { createConnector } from '../connectors/createConnector';
import type { ConnectionCheck, EhrConnector } from '../connectors/ehrConnector';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../connectors/sandbox/sandboxFhirServer';
import { createOutboxDelivery } from './outboxDelivery';
import type { DeliveryPort } from '../services/billing';
import type { StoreHandle } from '../services/storeHandle';

/** Where signed sessions are delivered (`--ehr`, HUSHNOTE_EHR), and what it holds. */
export interface EhrTarget {
  delivery: DeliveryPort;
  describe(): Promise<string[]>;
  /** The connector's name, as Settings shows it. */
  name: string;
  /** Asks the EHR whether it answers (FHIR: GET metadata). */
  testConnection(): Promise<ConnectionCheck>;
  close(): Promise<void>;
}

/**
 * `sandbox` starts the in-process FHIR R4 server used by the connector
 * tests; anything else is a FHIR base URL (TLS required unless localhost),
 * with a bearer token from HUSHNOTE_EHR_TOKEN when the server needs one.
 */
export async function openEhr(
  spec: string,
  store: StoreHandle,
): Promise<EhrTarget> {
  const sandbox =
    spec === 'sandbox' ? await startSandboxFhirServer() : undefined;
  const baseUrl = sandbox?.baseUrl ?? spec;
  const token = process.env['HUSHNOTE_EHR_TOKEN'];
  const connector: EhrConnector = createConnector({
    kind: 'fhir-r4',
    id: sandbox ? 'sandbox-ehr' : 'ehr',
    name: sandbox ? 'Sandbox EHR (local)' : 'EHR',
    baseUrl,
    auth: token ? { type: 'bearer', token } : { type: 'none' },
    recipient: {
      name: sandbox ? 'Sandbox EHR' : baseUrl,
      class: 'treating-providers',
    },
  });
  return {
    delivery: createOutboxDelivery(store, connector),
    describe: () =>
      Promise.resolve(sandbox ? describeSandbox(sandbox) : [`EHR: ${baseUrl}`]),
    name: connector.describe().name,
    testConnection: () => connector.testConnection(),
    close: async () => {
      await sandbox?.close();
    },
  };
}

function describeSandbox(sandbox: SandboxFhirServer): string[] {
  const counts = Object.entries(sandbox.counts())
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${type} ${n}`);
  return [
    `Sandbox EHR at ${sandbox.baseUrl} now holds: ${counts.join(', ') || 'nothing'}`,
  ];
}
