import type { Bundle, Coding } from '@medplum/fhirtypes';
import type { Appointment } from '../domain/appointment';
import type { DisclosureRecipient } from '../part2/part2Consent';

export type ConnectorKind = 'fhir-r4' | 'hl7v2-mdm' | 'webhook' | 'file-export';

/** What a connector tells the UI and the audit log about itself. */
export interface ConnectorDescription {
  id: string;
  kind: ConnectorKind;
  name: string;
  /** Where it delivers, without credentials (a URL, host:port or folder). */
  endpoint: string;
  /** Who receives disclosures through it (42 CFR Part 2 consent matching). */
  recipient: DisclosureRecipient;
  canPullAppointments: boolean;
}

export type ConnectionCheck =
  | { ok: true; detail: string }
  | {
      ok: false;
      kind: 'ehr_unreachable' | 'ehr_auth_expired' | 'ehr_rejected';
      message: string;
    };

/** The day whose schedule to pull, in the clinician's time zone. */
export interface ScheduleQuery {
  /** `YYYY-MM-DD` in `timeZone`. */
  date: string;
  timeZone: string;
}

/** What the EHR kept: one entry per pushed resource, in bundle order. */
export interface PushResult {
  connectorId: string;
  /** `Type/id` (FHIR), a message control id, a file path or a URL. */
  locations: string[];
  /** How many entries were created now (0 on an idempotent replay). */
  created: number;
}

/**
 * One way of delivering a signed session to a practice's EHR. Pushes must be
 * idempotent: the outbox retries after timeouts and crashes, so a second
 * push of the same bundle must not create a second note. Failures throw
 * AppError: `ehr_unreachable` (retry later), `ehr_auth_expired` (fix the
 * credentials) or `ehr_rejected` (the EHR refused the content; its reason
 * is in the message).
 */
export interface EhrConnector {
  readonly id: string;
  readonly kind: ConnectorKind;
  /** The note's document type this EHR wants (LOINC 34904-3 when absent). */
  readonly documentType?: Coding;
  describe(): ConnectorDescription;
  testConnection(): Promise<ConnectionCheck>;
  /** Present when the EHR exposes a schedule (FHIR Appointment search). */
  pullAppointments?(query: ScheduleQuery): Promise<Appointment[]>;
  push(bundle: Bundle): Promise<PushResult>;
}
