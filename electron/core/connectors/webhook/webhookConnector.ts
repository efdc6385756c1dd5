import type { Bundle } from '@medplum/fhirtypes';
import { AppError } from '../../../contract/errors';
import type { DisclosureRecipient } from '../../part2/part2Consent';
import { sessionView } from '../bundleView';
import type {
  ConnectionCheck,
  ConnectorDescription,
  EhrConnector,
  PushResult,
} from '../ehrConnector';
import { assertSecureUrl, displayUrl } from '../secureUrl';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
} from './webhookSignature';

export interface WebhookConfig {
  kind: 'webhook';
  id: string;
  name: string;
  url: string;
  /** Shared HMAC secret (from the keychain, never from a settings file). */
  secret: string;
  recipient: DisclosureRecipient;
  timeoutMs?: number;
}

/**
 * Posts the signed session as JSON (`{ event, deliveryId, bundle }`) with an
 * HMAC-SHA256 signature header. The delivery id is stable per note, so a
 * receiver can ignore a retry it already processed.
 */
export class WebhookConnector implements EhrConnector {
  readonly kind = 'webhook' as const;
  readonly id: string;
  private readonly url: string;

  constructor(
    private readonly config: WebhookConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.id = config.id;
    this.url = assertSecureUrl(config.url, 'The webhook URL').href;
    if (config.secret.length < 16) {
      throw new AppError(
        'invalid_request',
        'The webhook secret must be at least 16 characters.',
      );
    }
  }

  describe(): ConnectorDescription {
    return {
      id: this.id,
      kind: this.kind,
      name: this.config.name,
      endpoint: displayUrl(this.config.url),
      recipient: this.config.recipient,
      canPullAppointments: false,
    };
  }

  testConnection(): Promise<ConnectionCheck> {
    return Promise.resolve({
      ok: true,
      detail: `webhook ${displayUrl(this.config.url)} configured`,
    });
  }

  async push(bundle: Bundle): Promise<PushResult> {
    const deliveryId = sessionView(bundle).deliveryKey;
    const body = JSON.stringify({
      event: 'session.signed',
      deliveryId,
      bundle,
    });
    const signature = signWebhook(
      this.config.secret,
      body,
      Math.floor(this.now() / 1000),
    );

    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signature,
          [DELIVERY_HEADER]: deliveryId,
        },
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new AppError(
        'ehr_unreachable',
        'The webhook endpoint could not be reached.',
        { cause: error },
      );
    }
    const said = (await res.text().catch(() => '')).slice(0, 300);
    if (res.status >= 500 || res.status === 429 || res.status === 408) {
      throw new AppError(
        'ehr_unreachable',
        `The webhook endpoint is unavailable (HTTP ${res.status}).`,
      );
    }
    if (!res.ok)
      throw new AppError(
        'ehr_rejected',
        `The webhook endpoint refused the delivery (HTTP ${res.status}): ${said}`,
      );
    return {
      connectorId: this.id,
      locations: [displayUrl(this.config.url)],
      created: 1,
    };
  }
}
