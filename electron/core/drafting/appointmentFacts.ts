import type { Appointment } from '../domain/appointment';
import type { Segment } from '../domain/transcript';
import { contentWords, evidenceFor, indexSegments } from './evidence';
import type { Fact } from './facts';

/**
 * Session facts restated from the appointment, each pointing at the field
 * it came from (DOMAIN.md 1.9 items 1, 2, 7 and 8: date, start and stop
 * times, modality and client location, who was present, diagnoses, goals).
 */
export function appointmentFacts(appointment: Appointment): Fact[] {
  const facts: Fact[] = [];
  const add = (
    field: Fact['evidence'] & { appointment: string },
    text: string,
    kind: Fact['kind'] = 'session',
  ) => facts.push({ kind, text, evidence: field, origin: 'appointment' });

  const start = new Date(appointment.scheduledStart);
  const end = new Date(appointment.scheduledEnd);
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  add(
    { appointment: 'date' },
    `Date of service: ${localDate(start, appointment.timeZone)}.`,
  );
  add(
    { appointment: 'times' },
    `Session time: ${localTime(start, appointment.timeZone)} to ${localTime(end, appointment.timeZone)} (${minutes} minutes).`,
  );
  add({ appointment: 'modality' }, modalitySentence(appointment));
  add(
    { appointment: 'participants' },
    `Present: the client and ${appointment.clinician.name}, ${appointment.clinician.credential}.`,
  );
  add({ appointment: 'service' }, `Service: ${appointment.service}.`);

  if (appointment.diagnoses.length > 0) {
    const list = appointment.diagnoses
      .map((d) => `${d.code} ${d.display}`)
      .join('; ');
    add({ appointment: 'diagnoses' }, `Diagnoses: ${list}.`, 'assessment');
  }
  for (const goal of appointment.goals) {
    add(
      { appointment: 'goals' },
      `Treatment-plan goal: ${trimPeriod(goal.text)}.`,
      'goal',
    );
  }
  return facts;
}

function modalitySentence(appointment: Appointment): string {
  const where =
    appointment.clientLocation === 'home'
      ? 'the client at home'
      : 'the client at another location';
  switch (appointment.modality) {
    case 'video':
      return `Telehealth session by synchronous audio and video, with ${where}.`;
    case 'audio':
      return `Telehealth session by audio only, with ${where}.`;
    case 'in-person':
      return 'In-person session.';
  }
}

/**
 * Progress per treatment-plan goal (GIRP): the client's segments that share
 * the goal's words. A goal nobody spoke about says so, flagged thin.
 */
export function goalProgressFacts(
  appointment: Appointment,
  segments: readonly Segment[],
): Fact[] {
  const byId = indexSegments(segments);
  return appointment.goals.map((goal) => {
    const words = contentWords(goal.text);
    const related = segments.filter(
      (s) => s.role === 'client' && overlap(words, contentWords(s.text)) >= 2,
    );
    const evidence = evidenceFor(
      related.slice(0, 3).map((s) => s.id),
      byId,
    );
    const label = shorten(goal.text);
    if (!evidence) {
      return {
        kind: 'progress',
        text: `Progress toward goal "${label}": not addressed in the recorded session.`,
        evidence: { appointment: 'goals' },
        lowEvidence: true,
        origin: 'appointment',
      } satisfies Fact;
    }
    const quote = related[0]?.text ?? '';
    return {
      kind: 'progress',
      text: `Progress toward goal "${label}" was discussed; the client said: "${quote}"`,
      evidence,
      origin: 'rules',
    } satisfies Fact;
  });
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n += 1;
  return n;
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

function trimPeriod(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

function shorten(text: string): string {
  const clean = trimPeriod(text);
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
