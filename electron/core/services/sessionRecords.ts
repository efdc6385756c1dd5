import type { Appointment } from '../domain/appointment';
import type { AssessmentResult } from '../assessments/types';
import type { RiskFlag } from '../risk/types';
import type { Draft } from '../drafting/types';
import type { NoteVersion } from '../store/repositories/notes';
import type { OutboxItem } from '../store/repositories/outbox';
import type { StoreHandle } from './storeHandle';
import type { DeliveryView, NoteVersionView } from './types';

/**
 * Writes an appointment's people into the store: the client, the payer and
 * the coverage, then the appointment itself. Schedule sync repeats this, so
 * every write is an upsert.
 */
export function saveAppointment(
  store: StoreHandle,
  appointment: Appointment,
): void {
  const { repos } = store;
  repos.clients.upsert({
    id: appointment.client.id,
    givenName: appointment.client.givenName,
    familyName: appointment.client.familyName,
    birthDate: appointment.client.birthDate,
    part2Program: appointment.client.part2Program ?? null,
    ownerClinicianId: appointment.clinician.id,
  });
  repos.clients.upsertPayer(appointment.payer);
  if (appointment.coverage) {
    repos.clients.upsertCoverage({
      clientId: appointment.client.id,
      payerId: appointment.payer.id,
      memberId: appointment.coverage.memberId,
      groupNumber: appointment.coverage.groupNumber ?? null,
      relationship: appointment.coverage.relationship,
      subscriber: appointment.coverage.subscriber ?? null,
    });
  }
  repos.appointments.save(appointment);
}

/** Stored assessment rows keep the whole result under `answers`. */
export function saveAssessments(
  store: StoreHandle,
  sessionId: string,
  clientId: string,
  results: readonly AssessmentResult[],
): void {
  for (const result of results) {
    store.repos.assessments.propose({
      sessionId,
      clientId,
      instrument: result.instrumentId,
      answers: result,
      total: result.total,
      severity: result.severity,
      source: result.source,
    });
  }
}

export function loadAssessments(
  store: StoreHandle,
  sessionId: string,
): AssessmentResult[] {
  return store.repos.assessments.forSession(sessionId).map((row) => ({
    ...(row.answers as AssessmentResult),
    status: row.status,
  }));
}

/** Stored risk flag rows keep the whole flag as their evidence. */
export function saveRiskFlags(
  store: StoreHandle,
  sessionId: string,
  flags: readonly RiskFlag[],
): void {
  for (const flag of flags) {
    store.repos.riskFlags.raise({
      sessionId,
      type: flag.type,
      severity: flag.severity,
      evidence: flag,
    });
  }
}

export function loadRiskFlags(
  store: StoreHandle,
  sessionId: string,
): RiskFlag[] {
  return store.repos.riskFlags.forSession(sessionId).map((row) => {
    const flag = row.evidence as RiskFlag;
    if (row.status === 'open' || !row.dismissedBy)
      return { ...flag, id: row.id };
    return {
      ...flag,
      id: row.id,
      status: 'dismissed',
      dismissal: {
        clinicianId: row.dismissedBy,
        assessmentNote: row.dismissalAssessment ?? '',
        at: row.dismissedAt ?? '',
      },
    };
  });
}

/** A stored version as the UI shows it, with any supervisors' co-signatures. */
export function toNoteView(
  store: StoreHandle,
  version: NoteVersion,
): NoteVersionView {
  const cosigners = store.repos.cosignatures
    .forNote(version.noteId)
    .filter((c) => c.version === version.version)
    .map((c) => c.cosignerId);
  return {
    ...(cosigners.length > 0 ? { cosignedBy: cosigners } : {}),
    version: version.version,
    status: version.kind,
    draft: version.content as Draft,
    createdAt: version.createdAt,
    ...(version.signedBy ? { signedBy: version.signedBy } : {}),
    ...(version.signedAt ? { signedAt: version.signedAt } : {}),
    ...(version.amendmentReason
      ? { amendmentReason: version.amendmentReason }
      : {}),
  };
}

export function toDeliveryView(item: OutboxItem): DeliveryView {
  // Outbox rows carry the session bundle input (outbox/outboxJob.ts).
  const payload = item.payload as { input?: { sessionId?: string } } | null;
  return {
    id: item.id,
    sessionId: payload?.input?.sessionId ?? null,
    connectorId: item.connectorId,
    status: item.status,
    attempts: item.attempts,
    lastError: item.lastError,
    updatedAt: item.updatedAt,
  };
}
