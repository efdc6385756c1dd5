import { randomUUID } from 'node:crypto';
import type { JobStarted } from '../../contract/contract';
import { AppError } from '../../contract/errors';
import type { EventBus } from '../app/events';
import { appointmentSchema, type Appointment } from '../domain/appointment';
import type { Draft } from '../drafting/types';
import type { CallContext, HandlerRegistry } from '../ipc/registry';
import { JobRunner } from './jobRunner';
import {
  PIPELINE_STEPS,
  type ProcessOptions,
  type SessionService,
} from './types';

/**
 * Registers the app's session channels (issue #10) on the registry: today's
 * appointments, sessions, import and processing as background jobs with
 * progress events, note edit/sign/amend and delivery. Returns the job runner
 * so the caller can cancel running jobs on shutdown.
 */
export function registerSessionHandlers(
  registry: HandlerRegistry,
  service: SessionService,
  events: EventBus,
): JobRunner {
  const jobs = new JobRunner(events);

  registerSessionReads(registry, service);
  registerProcessing(registry, service, jobs);
  registerNotes(registry, service);

  registry.register('session:deliver', ({ sessionId }) =>
    service.deliver(sessionId),
  );
  registry.register('outbox:list', () => service.listDeliveries());
  return jobs;
}

function registerSessionReads(
  registry: HandlerRegistry,
  service: SessionService,
): void {
  registry.register('appointments:today', ({ day }) =>
    service.listAppointments(day),
  );
  registry.register('session:list', () => service.listSessions());
  registry.register('session:get', ({ sessionId }) =>
    service.getSession(sessionId),
  );

  registry.register('session:create', (request) => {
    if ('appointment' in request)
      return service.createSession(parseAppointment(request.appointment));
    const { appointmentId, day, adHoc } = request;
    const found = service
      .listAppointments(day)
      .find((a) => a.id === appointmentId);
    if (!found)
      throw new AppError(
        'not_found',
        'That appointment is not on the schedule.',
      );
    return service.createSession(adHoc ? adHocFrom(found, new Date()) : found);
  });
}

/** Checks an appointment brought as a file; says where it is wrong, not what it holds. */
function parseAppointment(raw: unknown): Appointment {
  const parsed = appointmentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') ?? '';
  throw new AppError(
    'invalid_request',
    `The appointment is not valid${where ? ` at ${where}` : ''}.`,
  );
}

/**
 * An unscheduled session now for the same client, payer and clinician: the
 * clinician starts it from Today without a schedule entry.
 */
export function adHocFrom(appointment: Appointment, now: Date): Appointment {
  const lengthMs =
    Date.parse(appointment.scheduledEnd) -
    Date.parse(appointment.scheduledStart);
  const end = new Date(now.getTime() + (lengthMs > 0 ? lengthMs : 53 * 60_000));
  return {
    ...appointment,
    id: `adhoc-${randomUUID()}`,
    scheduledStart: now.toISOString(),
    scheduledEnd: end.toISOString(),
  };
}

function registerProcessing(
  registry: HandlerRegistry,
  service: SessionService,
  jobs: JobRunner,
): void {
  registry.register(
    'session:import',
    ({ sessionId, fileName, base64, ...process }) => {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0)
        throw new AppError('audio_empty', 'The file is empty.');
      service.getSession(sessionId);

      return startImport(
        jobs,
        service,
        sessionId,
        { name: fileName, bytes },
        process,
      );
    },
  );

  registry.register('job:cancel', ({ jobId }) => ({
    cancelled: jobs.cancel(jobId),
  }));
}

/**
 * Runs the main job on a recording as a background job. The capture
 * controller's `onSaved` calls it too, with channels ['mic', 'system'].
 */
export function startImport(
  jobs: JobRunner,
  service: SessionService,
  sessionId: string,
  file: { name: string; bytes: Buffer },
  request: ProcessRequest,
): JobStarted {
  return jobs.start(sessionId, (signal, progress) =>
    service.importRecording(
      sessionId,
      file,
      processOptions(request, signal, progress),
    ),
  );
}

export interface ProcessRequest {
  format: string;
  engine: 'llm' | 'rules';
  channels?: ('mic' | 'system')[] | undefined;
}

function processOptions(
  request: ProcessRequest,
  signal: AbortSignal,
  progress: (step: string, fraction: number) => void,
): ProcessOptions {
  const options: ProcessOptions = {
    format: request.format,
    engine: request.engine,
    signal,
    // Overall fraction across the pipeline, so one bar fills once.
    onProgress: (step, fraction) => {
      const index = PIPELINE_STEPS.indexOf(step);
      progress(
        step,
        (index + Math.min(Math.max(fraction, 0), 1)) / PIPELINE_STEPS.length,
      );
    },
  };
  if (request.channels) options.channels = request.channels;
  return options;
}

function registerNotes(
  registry: HandlerRegistry,
  service: SessionService,
): void {
  registry.register('note:edit', ({ sessionId, draft }, context) =>
    service.editNote(
      sessionId,
      asDraft(draft),
      actorOf(service, sessionId, context).id,
    ),
  );
  registry.register('note:sign', ({ sessionId }, context) =>
    service.signNote(sessionId, actorOf(service, sessionId, context)),
  );
  registry.register('note:amend', ({ sessionId, draft, reason }, context) =>
    service.amendNote(
      sessionId,
      asDraft(draft),
      reason,
      actorOf(service, sessionId, context).id,
    ),
  );
  registry.register(
    'note:redraft',
    ({ sessionId, format, engine, sectionId }, context) =>
      service.redraftNote(
        sessionId,
        { format, engine, ...(sectionId ? { sectionId } : {}) },
        actorOf(service, sessionId, context).id,
      ),
  );
  registry.register('session:audioClip', ({ sessionId, start, end }) => {
    const clip = service.evidenceAudio(sessionId, { start, end });
    return {
      mimeType: 'audio/wav' as const,
      base64: clip.wav.toString('base64'),
      start: clip.start,
      end: clip.end,
    };
  });
}

/**
 * Who edits or signs. The desktop app is one clinician's: without a signed-in
 * user, the session's rendering clinician acts (and is audited) as the signer.
 */
function actorOf(
  service: SessionService,
  sessionId: string,
  context: CallContext,
): { id: string; name: string } {
  const { clinician } = service.getSession(sessionId).appointment;
  if (context.userId && context.userId !== clinician.id) {
    throw new AppError(
      'forbidden',
      'Only the rendering clinician can change this note.',
    );
  }
  return { id: clinician.id, name: clinician.name };
}

/** The schema's output is Draft except that zod spells optionals `?: T | undefined`. */
function asDraft(parsed: unknown): Draft {
  return JSON.parse(JSON.stringify(parsed)) as Draft;
}
