import type {
  OperationOutcome,
  OperationOutcomeIssue,
} from '@medplum/fhirtypes';
import { AppError } from '../../../contract/errors';
import { log } from '../../log/logger';
import type { AuthProvider } from './authProvider';

export interface FhirResponse {
  status: number;
  body: unknown;
}

/**
 * A small FHIR REST client: JSON in and out, a timeout on every request,
 * one token refresh on 401, and failures mapped to the connector error
 * kinds. Retrying is the outbox's job, not this client's.
 */
export class FhirHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly auth: AuthProvider,
    private readonly timeoutMs: number,
    private readonly connectorId: string,
  ) {}

  async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<FhirResponse> {
    let res = await this.send(method, path, body);
    if (res.status === 401) {
      // Tokens last minutes; an expired one is refreshed once, never looped.
      this.auth.invalidate();
      res = await this.send(method, path, body);
      if (res.status === 401) {
        throw new AppError(
          'ehr_auth_expired',
          'The EHR rejected Hushnote’s access token twice; check the connector credentials.',
        );
      }
    }
    return checkStatus(res);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
  ): Promise<FhirResponse> {
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    const authorization = await this.auth.header();
    if (authorization) headers['authorization'] = authorization;
    if (body !== undefined) headers['content-type'] = 'application/fhir+json';

    const started = Date.now();
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      log().warn('connector.request_failed', {
        connectorId: this.connectorId,
        durationMs: Date.now() - started,
      });
      throw new AppError('ehr_unreachable', unreachableMessage(error), {
        cause: error,
      });
    }
    const json: unknown = await res.json().catch(() => undefined);
    log().info('connector.request', {
      connectorId: this.connectorId,
      status: res.status,
      durationMs: Date.now() - started,
    });
    return { status: res.status, body: json };
  }

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  }
}

function checkStatus(res: FhirResponse): FhirResponse {
  if (res.status < 400) return res;
  const said = outcomeText(res.body);
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    throw new AppError(
      'ehr_unreachable',
      `The EHR is unavailable (HTTP ${res.status})${said}.`,
    );
  }
  if (res.status === 403) {
    throw new AppError(
      'ehr_rejected',
      `The EHR refused access (HTTP 403)${said}; check the connector's scopes.`,
    );
  }
  throw new AppError(
    'ehr_rejected',
    `The EHR rejected the data (HTTP ${res.status})${said}.`,
  );
}

/** What the EHR said, from its OperationOutcome, shortened for display. */
export function outcomeText(body: unknown): string {
  const outcome = body as OperationOutcome | undefined;
  if (outcome?.resourceType !== 'OperationOutcome') return '';
  const issues: OperationOutcomeIssue[] = Array.isArray(outcome.issue)
    ? outcome.issue
    : [];
  const text = issues
    .map((i) => i.diagnostics ?? i.details?.text ?? i.code)
    .filter(Boolean)
    .join('; ');
  return text ? `: ${text.slice(0, 400)}` : '';
}

function unreachableMessage(error: unknown): string {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return 'The EHR did not answer in time.';
  return 'The EHR could not be reached (connection failed or was dropped).';
}
