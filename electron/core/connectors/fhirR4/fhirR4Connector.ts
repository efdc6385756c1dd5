import type { Bundle, BundleEntryResponse, Coding } from '@medplum/fhirtypes';
import { AppError, isAppError } from '../../../contract/errors';
import type { Appointment } from '../../domain/appointment';
import { fetchDaySchedule } from '../../schedule/fhirSchedule';
import type { ScheduleDefaults } from '../../schedule/fhirAppointmentMapping';
import type { DisclosureRecipient } from '../../part2/part2Consent';
import type {
  ConnectionCheck,
  ConnectorDescription,
  EhrConnector,
  PushResult,
  ScheduleQuery,
} from '../ehrConnector';
import { assertSecureUrl, displayUrl } from '../secureUrl';
import { noAuth, staticBearer, type AuthProvider } from './authProvider';
import { FhirHttp } from './fhirHttp';
import { SmartBackendAuth, type SmartBackendConfig } from './smartBackendAuth';

export interface FhirR4Config {
  kind: 'fhir-r4';
  id: string;
  name: string;
  baseUrl: string;
  auth:
    | { type: 'none' }
    | { type: 'bearer'; token: string }
    | ({ type: 'smart-backend' } & SmartBackendConfig);
  recipient: DisclosureRecipient;
  /** The note's document type for this EHR (LOINC 34904-3 by default). */
  documentType?: Coding;
  timeoutMs?: number;
  /** Facts the EHR's schedule does not carry (billing provider, payer profiles). */
  schedule?: ScheduleDefaults;
}

/**
 * FHIR R4 connector: posts the session as one transaction Bundle whose
 * entries are conditional creates, so replays create nothing new.
 */
export class FhirR4Connector implements EhrConnector {
  readonly kind = 'fhir-r4' as const;
  readonly id: string;
  readonly auth: AuthProvider;
  readonly documentType?: Coding;
  private readonly http: FhirHttp;

  constructor(
    readonly config: FhirR4Config,
    now: () => number = Date.now,
  ) {
    this.id = config.id;
    if (config.documentType) this.documentType = config.documentType;
    const base = assertSecureUrl(config.baseUrl).href;
    const timeoutMs = config.timeoutMs ?? 30_000;
    this.auth = authFor(config, base, timeoutMs, now);
    this.http = new FhirHttp(base, this.auth, timeoutMs, config.id);
  }

  describe(): ConnectorDescription {
    return {
      id: this.id,
      kind: this.kind,
      name: this.config.name,
      endpoint: displayUrl(this.config.baseUrl),
      recipient: this.config.recipient,
      canPullAppointments: true,
    };
  }

  async testConnection(): Promise<ConnectionCheck> {
    try {
      // Servers publish metadata without a token; fetching one proves the credentials.
      const res = await this.http.request('GET', 'metadata');
      await this.auth.header();
      const version = (res.body as { fhirVersion?: string } | undefined)
        ?.fhirVersion;
      return { ok: true, detail: `FHIR ${version ?? 'server'} answered` };
    } catch (error) {
      if (
        isAppError(error) &&
        (error.kind === 'ehr_unreachable' ||
          error.kind === 'ehr_auth_expired' ||
          error.kind === 'ehr_rejected')
      ) {
        return { ok: false, kind: error.kind, message: error.message };
      }
      throw error;
    }
  }

  pullAppointments(query: ScheduleQuery): Promise<Appointment[]> {
    return fetchDaySchedule(this.http, query, this.config.schedule ?? {});
  }

  async push(bundle: Bundle): Promise<PushResult> {
    if (bundle.type !== 'transaction') {
      throw new AppError(
        'invalid_request',
        'The FHIR connector pushes transaction bundles only.',
      );
    }
    const res = await this.http.request('POST', '', bundle);
    const responses = entryResponses(res.body, bundle.entry?.length ?? 0);
    return {
      connectorId: this.id,
      locations: responses.map((r) => r.location ?? ''),
      created: responses.filter((r) => r.status.startsWith('201')).length,
    };
  }
}

function entryResponses(
  body: unknown,
  expected: number,
): BundleEntryResponse[] {
  const bundle = body as Bundle | undefined;
  if (
    bundle?.resourceType !== 'Bundle' ||
    bundle.type !== 'transaction-response'
  ) {
    throw new AppError(
      'ehr_rejected',
      'The EHR did not answer with a transaction response.',
    );
  }
  const responses = (bundle.entry ?? []).map((e) => e.response);
  if (responses.length !== expected || responses.some((r) => !r)) {
    throw new AppError(
      'ehr_rejected',
      'The EHR answered the transaction incompletely.',
    );
  }
  const failed = responses.find((r) => r && !/^2\d\d/.test(r.status));
  if (failed)
    throw new AppError(
      'ehr_rejected',
      `The EHR rejected an entry (${failed.status}).`,
    );
  return responses as BundleEntryResponse[];
}

function authFor(
  config: FhirR4Config,
  base: string,
  timeoutMs: number,
  now: () => number,
): AuthProvider {
  const auth = config.auth;
  switch (auth.type) {
    case 'none':
      return noAuth;
    case 'bearer':
      return staticBearer(auth.token);
    case 'smart-backend':
      return new SmartBackendAuth(auth, base, timeoutMs, now);
  }
}
