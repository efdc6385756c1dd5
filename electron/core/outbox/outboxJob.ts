import {
  AppError,
  isAppError,
  type ErrorKind,
  type ErrorInfo,
} from '../../contract/errors';
import type { SessionBundleInput } from '../fhir/sessionBundleInput';

/** What an outbox row carries: one signed session for one connector. */
export interface SessionDeliveryPayload {
  v: 1;
  kind: 'session-push';
  input: SessionBundleInput;
}

export function sessionPayload(
  input: SessionBundleInput,
): SessionDeliveryPayload {
  return { v: 1, kind: 'session-push', input };
}

export function parsePayload(payload: unknown): SessionDeliveryPayload {
  const p = payload as Partial<SessionDeliveryPayload> | null;
  if (p?.v !== 1 || p.kind !== 'session-push' || !p.input) {
    throw new AppError(
      'invalid_request',
      'The outbox item has an unknown payload.',
    );
  }
  return p as SessionDeliveryPayload;
}

/** Kinds worth retrying: the EHR may be back later. Everything else needs a person. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set([
  'ehr_unreachable',
  'db_locked',
  'internal',
]);

export function isTransient(error: ErrorInfo): boolean {
  return TRANSIENT.has(error.kind);
}

/** The error as stored in `last_error`: `{ kind, message }` JSON. */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (isAppError(error)) return error.toInfo();
  return { kind: 'internal', message: 'The delivery failed unexpectedly.' };
}

export function readLastError(lastError: string | null): ErrorInfo | null {
  if (!lastError) return null;
  try {
    return JSON.parse(lastError) as ErrorInfo;
  } catch {
    return { kind: 'internal', message: lastError };
  }
}
