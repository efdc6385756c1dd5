import { AppError } from '../../contract/errors';
import type { SessionService } from '../services/types';
import type { AccessGuard } from './accessGuard';

/**
 * The session service as a signed-in user may use it: every call checks
 * role and ownership through the guard first (refusals are audited), and
 * lists show only what the user may see. The desktop app and the browser
 * bridge both register their handlers on this wrapper.
 */
export function guardSessionService(
  inner: SessionService,
  guard: AccessGuard,
): SessionService {
  const writer = (sessionId: string) =>
    guard.requireSession(sessionId, 'clinical', 'write');

  return {
    listSessions: () => {
      guard.requireUser();
      return inner.listSessions().filter((s) => guard.maySee(s.id, 'summary'));
    },
    listAppointments: (day) => {
      const user = guard.requireUser();
      return inner
        .listAppointments(day)
        .filter((a) => a.clinician.id === user.id);
    },
    createSession: (appointment) => {
      const user = guard.requireRole(
        ['clinician', 'supervisor'],
        'session:create',
      );
      if (appointment.clinician.id !== user.id) {
        throw new AppError(
          'forbidden',
          "Sessions are started by the appointment's clinician.",
        );
      }
      return inner.createSession(appointment);
    },
    importRecording: (sessionId, file, options) => {
      writer(sessionId);
      return inner.importRecording(sessionId, file, options);
    },
    processRecording: (appointment, recordingPath, options) => {
      const user = guard.requireRole(
        ['clinician', 'supervisor'],
        'session:process',
      );
      if (appointment.clinician.id !== user.id) {
        throw new AppError(
          'forbidden',
          "Sessions are processed by the appointment's clinician.",
        );
      }
      return inner.processRecording(appointment, recordingPath, options);
    },
    getSession: (sessionId) => {
      guard.requireSession(sessionId, 'clinical', 'read');
      return inner.getSession(sessionId);
    },
    getBilling: (sessionId) => {
      guard.requireSession(sessionId, 'billing', 'read');
      return inner.getBilling(sessionId);
    },
    editNote: (sessionId, draft) => {
      const user = writer(sessionId);
      return inner.editNote(sessionId, draft, user.id);
    },
    signNote: (sessionId) => {
      const user = writer(sessionId);
      return inner.signNote(sessionId, { id: user.id, name: user.displayName });
    },
    amendNote: (sessionId, draft, reason) => {
      const user = writer(sessionId);
      return inner.amendNote(sessionId, draft, reason, user.id);
    },
    redraftNote: (sessionId, request) => {
      const user = writer(sessionId);
      return inner.redraftNote(sessionId, request, user.id);
    },
    evidenceAudio: (sessionId, range) => {
      guard.requireSession(sessionId, 'clinical', 'read');
      return inner.evidenceAudio(sessionId, range);
    },
    cosignNote: (sessionId) => {
      const user = guard.requireSession(sessionId, 'clinical', 'cosign');
      return inner.cosignNote(sessionId, {
        id: user.id,
        name: user.displayName,
      });
    },
    recordAssessment: (sessionId, entry) => {
      const user = writer(sessionId);
      return inner.recordAssessment(sessionId, entry, user.id);
    },
    deliver: (sessionId) => {
      writer(sessionId);
      return inner.deliver(sessionId);
    },
    listDeliveries: () => {
      guard.requireUser();
      return inner
        .listDeliveries()
        .filter(
          (d) => d.sessionId !== null && guard.maySee(d.sessionId, 'billing'),
        );
    },
    close: () => inner.close(),
  };
}
