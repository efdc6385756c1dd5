import type { Transcript } from '../domain/transcript';
import { claimSession } from '../pipeline/claimSession';
import { currentBilling, requireAppointment } from './billing';
import {
  loadAssessments,
  loadRiskFlags,
  toDeliveryView,
  toNoteView,
} from './sessionRecords';
import type { StoreHandle } from './storeHandle';
import type {
  BillingDetail,
  BillingView,
  SessionDetail,
  SessionStatus,
  SessionSummary,
} from './types';

/** One row of the session list, with the workflow status derived from the store. */
export function sessionSummary(
  store: StoreHandle,
  sessionId: string,
): SessionSummary {
  const { repos } = store;
  const session = repos.sessions.require(sessionId);
  const appointment = requireAppointment(store, sessionId);
  const note = repos.notes.forSession(sessionId)[0];
  return {
    id: session.id,
    appointmentId: appointment.id,
    clientId: appointment.client.id,
    clientLabel: `${appointment.client.givenName} ${appointment.client.familyName}`,
    status: workflowStatus(store, sessionId, note?.status),
    scheduledStart: appointment.scheduledStart,
    scheduledEnd: appointment.scheduledEnd,
    modality: appointment.modality,
    noteStatus: note?.status ?? null,
  };
}

function workflowStatus(
  store: StoreHandle,
  sessionId: string,
  noteStatus: string | undefined,
): SessionStatus {
  if (noteStatus === 'signed' || noteStatus === 'amended') return 'signed';
  if (noteStatus) return 'drafted';
  const session = store.repos.sessions.require(sessionId);
  if (session.status === 'recording' || session.status === 'paused')
    return 'recording';
  if (session.status === 'failed' || session.status === 'interrupted')
    return 'failed';
  if (store.repos.recordings.forSession(sessionId).length > 0)
    return 'processing';
  return 'scheduled';
}

/** Everything the review and billing screens need for one session. */
export function sessionDetail(
  store: StoreHandle,
  sessionId: string,
): SessionDetail {
  const { repos } = store;
  const appointment = requireAppointment(store, sessionId);
  const note = repos.notes.forSession(sessionId)[0];
  const versions = note
    ? repos.notes.versions(note.id).map((v) => toNoteView(store, v))
    : [];
  const segments = repos.transcripts.segments(sessionId);
  const recording = repos.recordings.forSession(sessionId)[0];
  const transcript: Transcript | null =
    segments.length > 0 || recording
      ? {
          durationSec: recording?.durationSec ?? 0,
          language: 'en',
          segments,
          failedRegions: [],
          silentChannels: [],
        }
      : null;

  return {
    summary: sessionSummary(store, sessionId),
    appointment,
    transcript,
    assessments: loadAssessments(store, sessionId),
    riskFlags: loadRiskFlags(store, sessionId),
    note: versions.at(-1) ?? null,
    versions,
    billing: billingView(store, sessionId),
    deliveries: repos.outbox
      .list()
      .map(toDeliveryView)
      .filter((d) => d.sessionId === sessionId),
  };
}

/** The billing screen's view: no transcript and no note narrative. */
export function billingDetail(
  store: StoreHandle,
  sessionId: string,
): BillingDetail {
  const summary = sessionSummary(store, sessionId);
  return {
    summary,
    billing: billingView(store, sessionId),
    noteStatus: summary.noteStatus,
    deliveries: store.repos.outbox
      .list()
      .map(toDeliveryView)
      .filter((d) => d.sessionId === sessionId),
  };
}

function billingView(
  store: StoreHandle,
  sessionId: string,
): BillingView | null {
  const appointment = requireAppointment(store, sessionId);
  const billing = currentBilling(store, sessionId, appointment);
  if (!billing) return null;
  const stored = store.repos.claims.forSession(sessionId)[0];
  let claimError: string | null = null;
  if (!stored) {
    try {
      claimSession(appointment, billing.suggestion, {
        controlNumber: 1,
        now: new Date(),
      });
    } catch (error) {
      claimError =
        error instanceof Error ? error.message : 'The claim cannot be built.';
    }
  }
  return {
    minutes: billing.minutes,
    suggestion: billing.suggestion,
    documentation: billing.documentation,
    claimX12: stored?.x12 ?? null,
    claimError,
  };
}
