import { AppError } from '../../contract/errors';
import type { EhrConnector } from './ehrConnector';
import { FhirR4Connector, type FhirR4Config } from './fhirR4/fhirR4Connector';
import {
  FileExportConnector,
  type FileExportConfig,
} from './fileExport/fileExportConnector';
import { Hl7MdmConnector, type Hl7MdmConfig } from './hl7v2/hl7MdmConnector';
import {
  WebhookConnector,
  type WebhookConfig,
} from './webhook/webhookConnector';

/** A practice's configuration of one connector. */
export type ConnectorConfig =
  FhirR4Config | Hl7MdmConfig | WebhookConfig | FileExportConfig;

export interface ConnectorDeps {
  /** Injected clock (token expiry in tests). */
  now?: () => number;
}

/** Builds the connector a configuration describes. */
export function createConnector(
  config: ConnectorConfig,
  deps: ConnectorDeps = {},
): EhrConnector {
  switch (config.kind) {
    case 'fhir-r4':
      return new FhirR4Connector(config, deps.now);
    case 'hl7v2-mdm':
      return new Hl7MdmConnector(config);
    case 'webhook':
      return new WebhookConnector(config, deps.now);
    case 'file-export':
      return new FileExportConnector(config);
  }
}

/** The connectors configured for one practice, by id. */
export class ConnectorRegistry {
  private readonly byId = new Map<string, EhrConnector>();

  constructor(configs: ConnectorConfig[] = [], deps: ConnectorDeps = {}) {
    for (const config of configs) this.add(createConnector(config, deps));
  }

  add(connector: EhrConnector): void {
    if (this.byId.has(connector.id)) {
      throw new AppError(
        'conflict',
        `A connector with id ${connector.id} is already configured.`,
      );
    }
    this.byId.set(connector.id, connector);
  }

  get(id: string): EhrConnector {
    const connector = this.byId.get(id);
    if (!connector)
      throw new AppError(
        'not_found',
        `No connector with id ${id} is configured.`,
      );
    return connector;
  }

  list(): EhrConnector[] {
    return [...this.byId.values()];
  }
}
