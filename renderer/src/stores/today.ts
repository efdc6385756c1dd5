import { create } from 'zustand';
import type {
  AppointmentView,
  SessionSummaryView,
} from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';

interface TodayState {
  appointments: AppointmentView[];
  sessions: SessionSummaryView[];
  loading: boolean;
  error: string | undefined;
  load: (client: Client, day?: string) => Promise<void>;
  /** One click: a session for the appointment (or an ad-hoc one now). */
  start: (
    client: Client,
    appointmentId: string,
    adHoc?: boolean,
  ) => Promise<SessionSummaryView | undefined>;
  /** A session for an appointment file, rendered by the signed-in clinician. */
  startFromFile: (
    client: Client,
    text: string,
    clinicianId: string | undefined,
  ) => Promise<SessionSummaryView | undefined>;
}

/** Today's appointments and sessions, and starting a session from them. */
export const useToday = create<TodayState>()((set, get) => ({
  appointments: [],
  sessions: [],
  loading: false,
  error: undefined,

  load: async (client, day) => {
    set({ loading: true, error: undefined });
    try {
      const [appointments, sessions] = await Promise.all([
        client.call('appointments:today', day ? { day } : {}),
        client.call('session:list', {}),
      ]);
      set({ appointments, sessions, loading: false });
    } catch (error) {
      set({ loading: false, error: errorWords(error) });
    }
  },

  start: async (client, appointmentId, adHoc = false) => {
    set({ error: undefined });
    try {
      const session = await client.call('session:create', {
        appointmentId,
        adHoc,
      });
      set({ sessions: [...get().sessions, session] });
      return session;
    } catch (error) {
      set({ error: errorWords(error) });
      return undefined;
    }
  },

  startFromFile: async (client, text, clinicianId) => {
    set({ error: undefined });
    const appointment = parseJsonObject(text);
    if (!appointment) {
      set({ error: 'That file is not an appointment (JSON expected).' });
      return undefined;
    }
    try {
      const session = await client.call('session:create', {
        appointment: renderedBy(appointment, clinicianId),
      });
      set({ sessions: [...get().sessions, session] });
      return session;
    } catch (error) {
      set({ error: errorWords(error) });
      return undefined;
    }
  },
}));

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in clinician renders the session: their account id replaces
 * the file's clinician id (the EHR's practitioner id); NPI and credential
 * stay as the file gives them.
 */
export function renderedBy(
  appointment: Record<string, unknown>,
  clinicianId: string | undefined,
): Record<string, unknown> {
  const clinician = appointment['clinician'];
  if (!clinicianId || !clinician || typeof clinician !== 'object')
    return appointment;
  return { ...appointment, clinician: { ...clinician, id: clinicianId } };
}

/** The session already started for an appointment, if any. */
export function sessionFor(
  sessions: SessionSummaryView[],
  appointmentId: string,
): SessionSummaryView | undefined {
  return sessions.find((s) => s.appointmentId === appointmentId);
}
