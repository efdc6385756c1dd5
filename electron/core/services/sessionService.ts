import { AppError } from '../../contract/errors';
import type { Appointment } from '../domain/appointment';
import { appendAudit } from '../audit/audit';
import { signNote as signWithRetention } from '../retention/retention';
import type { Draft } from '../drafting/types';
import { log } from '../log/logger';
import { runMainJob, type MainJobEngines } from '../pipeline/mainJob';
import { StepError } from '../pipeline/stepError';
import { scoreAssessment } from '../assessments/score';
import { itemNineFlags } from '../risk/itemNine';
import {
  loadRiskFlags,
  saveAppointment,
  saveAssessments,
  saveRiskFlags,
  toDeliveryView,
  toNoteView,
} from './sessionRecords';
import { billingDetail, sessionDetail, sessionSummary } from './sessionViews';
import { spoolDecodedAudio } from './spoolAudio';
import { evidenceClip } from './evidenceAudio';
import { redraft } from './redraft';
import { withTempFile } from './tempFile';
import type { StoreHandle } from './storeHandle';
import { billAndClaim, requireAppointment, type DeliveryPort } from './billing';
import type {
  NoteVersionView,
  ProcessOptions,
  SessionDetail,
  SessionService,
} from './types';

export interface SessionServiceDeps {
  store: StoreHandle;
  engines: MainJobEngines;
  /** The signed-in user, asked at each write; every write is audited under it. */
  actor: () => string;
  delivery?: DeliveryPort;
  now?: () => Date;
}

/**
 * The session workflow over the encrypted store. Each step's output is saved
 * as soon as it exists, so a later failure keeps the earlier work.
 */
export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { store } = deps;
  const { repos, db } = store;
  const now = deps.now ?? (() => new Date());
  const audit = (
    action: Parameters<typeof appendAudit>[1]['action'],
    type: string,
    id: string,
  ) =>
    appendAudit(db, {
      actor: deps.actor(),
      action,
      objectType: type,
      objectId: id,
    });

  async function run(
    appointment: Appointment,
    recordingPath: string,
    options: ProcessOptions,
    existingSessionId?: string,
  ): Promise<SessionDetail> {
    let sessionId = existingSessionId;
    try {
      await runMainJob(
        deps.engines,
        {
          recordingPath,
          appointment,
          format: options.format,
          engine: options.engine,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        },
        {
          decoded: (audio) => {
            sessionId = db.transaction(() => {
              const id = sessionId ?? createSessionRow(appointment);
              const spoolId = spoolDecodedAudio(store, id, audio);
              repos.recordings.add({
                sessionId: id,
                spoolId,
                path: null,
                channelMap:
                  audio.channels.length === 2
                    ? ['clinician', 'client']
                    : ['mixed'],
                sampleRate: audio.sampleRate,
                durationSec: audio.durationSec,
              });
              repos.sessions.setStatus(id, 'saved');
              return id;
            })();
          },
          transcribed: (transcript) => {
            repos.transcripts.upsertSegments(
              required(sessionId),
              transcript.segments,
            );
          },
          assessed: (assessments, flags) => {
            const id = required(sessionId);
            db.transaction(() => {
              saveAssessments(store, id, appointment.client.id, assessments);
              saveRiskFlags(store, id, flags);
            })();
          },
          drafted: (draft) => {
            const id = required(sessionId);
            const version = repos.notes.createDraft({
              sessionId: id,
              template: String(draft.format),
              content: draft,
              authorId: deps.actor(),
            });
            audit('create', 'note', version.noteId);
          },
        },
      );
    } catch (error) {
      log().warn('session.process_failed', {
        sessionId: sessionId ?? null,
        step: error instanceof StepError ? error.step : 'unknown',
        error,
      });
      throw error;
    }
    const id = required(sessionId);
    billAndClaim(store, id, appointment, now());
    return sessionDetail(store, id);
  }

  function createSessionRow(appointment: Appointment): string {
    saveAppointment(store, appointment);
    const session = repos.sessions.create({
      appointmentId: appointment.id,
      clientId: appointment.client.id,
      clinicianId: appointment.clinician.id,
    });
    audit('create', 'session', session.id);
    return session.id;
  }

  function noteOf(sessionId: string) {
    const note = repos.notes.forSession(sessionId)[0];
    if (!note) throw new AppError('not_found', 'This session has no note yet.');
    return note;
  }

  const appointmentOf = (sessionId: string) =>
    requireAppointment(store, sessionId);

  const service: SessionService = {
    listSessions: () =>
      repos.sessions.list().map((s) => sessionSummary(store, s.id)),
    listAppointments: (day) =>
      listAppointments(store, deps.actor(), day ?? now().toISOString()),
    createSession: (appointment) =>
      sessionSummary(store, createSessionRow(appointment)),
    importRecording: (sessionId, file, options) =>
      withTempFile(store, file, (path) =>
        run(appointmentOf(sessionId), path, options, sessionId),
      ),
    processRecording: (appointment, recordingPath, options) =>
      run(appointment, recordingPath, options),
    getSession: (sessionId) => {
      audit('read', 'session', sessionId);
      return sessionDetail(store, sessionId);
    },
    getBilling: (sessionId) => {
      audit('read', 'billing', sessionId);
      return billingDetail(store, sessionId);
    },
    editNote: (sessionId, draft, actor) => {
      const version = repos.notes.saveEdit(noteOf(sessionId).id, draft, actor);
      audit('update', 'note', version.noteId);
      return toNoteView(store, version);
    },
    signNote: (sessionId, signer) => signNote(sessionId, signer),
    amendNote: (sessionId, draft, reason, actor) => {
      const version = repos.notes.amend(
        noteOf(sessionId).id,
        draft,
        reason,
        actor,
      );
      audit('amend', 'note', version.noteId);
      return toNoteView(store, version);
    },
    redraftNote: async (sessionId, request, actor) => {
      const note = noteOf(sessionId);
      if (note.status === 'signed' || note.status === 'amended')
        throw new AppError(
          'note_locked',
          'The note is signed; corrections are amendments.',
        );
      const current = repos.notes.latest(note.id)?.content as Draft;
      const draft = await redraft(
        store,
        deps.engines,
        sessionId,
        current,
        request,
      );
      const version = repos.notes.saveEdit(note.id, draft, actor, draft.format);
      audit('update', 'note', version.noteId);
      log().info('note.redrafted', {
        sessionId,
        format: request.format,
        engine: draft.engine,
        sectionId: request.sectionId ?? null,
      });
      return toNoteView(store, version);
    },
    evidenceAudio: (sessionId, range) => {
      const clip = evidenceClip(store, sessionId, range);
      audit('read', 'audio', clip.recordingId);
      return clip;
    },
    cosignNote: (sessionId, cosigner) => {
      const note = noteOf(sessionId);
      const signed = repos.notes.signedVersion(note.id);
      if (!signed)
        throw new AppError(
          'note_invalid',
          'Only a signed note can be co-signed.',
        );
      repos.cosignatures.add(
        note.id,
        signed.version,
        cosigner.id,
        now().toISOString(),
      );
      audit('cosign', 'note', note.id);
      return toNoteView(store, signed);
    },
    recordAssessment: (sessionId, entry, actorId) => {
      const session = repos.sessions.require(sessionId);
      const assessment = scoreAssessment(entry.instrumentId, entry.answers);
      const flags = itemNineFlags([assessment]);
      db.transaction(() => {
        const row = repos.assessments.propose({
          sessionId,
          clientId: session.clientId,
          instrument: assessment.instrumentId,
          answers: assessment,
          total: assessment.total,
          severity: assessment.severity,
          source: 'form',
        });
        repos.assessments.confirm(row.id, actorId);
        saveRiskFlags(store, sessionId, flags);
        audit('create', 'assessment', row.id);
      })();
      return { assessment, flags };
    },
    deliver: async (sessionId) => {
      if (!deps.delivery)
        throw new AppError('invalid_request', 'No EHR connector is set up.');
      deps.delivery.enqueue(store, sessionId);
      await deps.delivery.drain();
      return repos.outbox
        .list()
        .map(toDeliveryView)
        .filter((d) => d.sessionId === sessionId);
    },
    listDeliveries: () => repos.outbox.list().map(toDeliveryView),
    close: () => {
      store.close();
      return Promise.resolve();
    },
  };

  function signNote(
    sessionId: string,
    signer: { id: string; name: string },
  ): NoteVersionView {
    const note = noteOf(sessionId);
    const draft = repos.notes.latest(note.id)?.content as Draft | undefined;
    if (draft?.incomplete) {
      throw new AppError(
        'note_invalid',
        'Part of this draft was cut short; edit it before signing.',
      );
    }
    // Signing applies the program's retention policy (default: the audio
    // and its key are destroyed; the transcript gets its removal date).
    const signed = signWithRetention(
      { db, spoolRoot: store.spoolRoot, actor: signer.id, now: now() },
      note.id,
    );
    const appointment = appointmentOf(sessionId);
    billAndClaim(store, sessionId, appointment, now());
    log().info('note.signed', {
      sessionId,
      flags: loadRiskFlags(store, sessionId).length,
    });
    return toNoteView(store, signed);
  }

  return service;
}

function required(sessionId: string | undefined): string {
  if (!sessionId)
    throw new AppError('internal', 'The session was not created.');
  return sessionId;
}

/** The clinician's appointments on the UTC day of `day`. */
function listAppointments(
  store: StoreHandle,
  clinicianId: string,
  day: string,
): Appointment[] {
  const start = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  const end = new Date(start.getTime() + 24 * 3600_000);
  return store.repos.appointments.listForClinician(
    clinicianId,
    start.toISOString(),
    end.toISOString(),
  );
}
