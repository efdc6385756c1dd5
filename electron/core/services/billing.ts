import { AppError, isAppError } from '../../contract/errors';
import type { Appointment } from '../domain/appointment';
import type { Draft } from '../drafting/types';
import { billSession, type SessionBilling } from '../pipeline/billSession';
import { claimSession, type SessionClaim } from '../pipeline/claimSession';
import type { StoreHandle } from './storeHandle';

/** Delivery of a signed session to the practice's EHR, through the outbox. */
export interface DeliveryPort {
  /** Queues the signed session; idempotent per session and note version. */
  enqueue(store: StoreHandle, sessionId: string): void;
  /** Attempts every due delivery now. */
  drain(): Promise<void>;
}

const CONTROL_NUMBER_KEY = 'claims.lastControlNumber';

/** The session's billing as the latest note and its signature support it. */
export function currentBilling(
  store: StoreHandle,
  sessionId: string,
  appointment: Appointment,
): SessionBilling | null {
  const note = store.repos.notes.forSession(sessionId)[0];
  const latest = note ? store.repos.notes.latest(note.id) : null;
  if (!latest) return null;
  const signature = latest.signedAt
    ? {
        signedAt: latest.signedAt,
        credential: appointment.clinician.credential,
      }
    : null;
  return billSession(appointment, latest.content as Draft, signature);
}

/**
 * Builds (or rebuilds, after signing) the session's claim and keeps it.
 * A claim that cannot be built (no coverage, a blocked code) is not an
 * error of the session: the billing view shows why instead.
 */
export function billAndClaim(
  store: StoreHandle,
  sessionId: string,
  appointment: Appointment,
  now: Date,
): {
  billing: SessionBilling | null;
  claim: SessionClaim | null;
  claimError: string | null;
} {
  const billing = currentBilling(store, sessionId, appointment);
  if (!billing) return { billing, claim: null, claimError: 'No note yet.' };
  try {
    const claim = claimSession(appointment, billing.suggestion, {
      controlNumber: nextControlNumber(store),
      now,
    });
    saveClaim(store, sessionId, claim);
    return { billing, claim, claimError: null };
  } catch (error) {
    if (isAppError(error) && error.kind !== 'internal') {
      return { billing, claim: null, claimError: error.message };
    }
    throw error;
  }
}

function saveClaim(
  store: StoreHandle,
  sessionId: string,
  claim: SessionClaim,
): void {
  const existing = store.repos.claims.forSession(sessionId)[0];
  if (existing) {
    store.repos.claims.update(existing.id, {
      x12: claim.x12,
      fhir: claim.fhir,
    });
  } else {
    store.repos.claims.create({ sessionId, x12: claim.x12, fhir: claim.fhir });
  }
}

/** ISA13 must be unique per interchange the practice sends. */
function nextControlNumber(store: StoreHandle): number {
  const stored = store.repos.settings.get(CONTROL_NUMBER_KEY);
  const last = typeof stored === 'number' ? stored : 0;
  const next = (last % 999_999_999) + 1;
  store.repos.settings.set(CONTROL_NUMBER_KEY, next);
  return next;
}

export function requireAppointment(
  store: StoreHandle,
  sessionId: string,
): Appointment {
  const session = store.repos.sessions.require(sessionId);
  const appointment = session.appointmentId
    ? store.repos.appointments.get(session.appointmentId)
    : null;
  if (!appointment)
    throw new AppError('not_found', 'The session has no appointment.');
  return appointment;
}
