import { create } from 'zustand';
import type { AppointmentView, SessionSummaryView } from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { errorWords } from '../lib/callError';

interface TodayState {
  appointments: AppointmentView[];
  sessions: SessionSummaryView[];
  loading: boolean;
  error: string | undefined;
  load: (client: Client, day?: string) => Promise<void>;
  /** One click: a session for the appointment (or an ad-hoc one now). */
  start: (client: Client, appointmentId: string, adHoc?: boolean) => Promise<SessionSummaryView | undefined>;
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
      const session = await client.call('session:create', { appointmentId, adHoc });
      set({ sessions: [...get().sessions, session] });
      return session;
    } catch (error) {
      set({ error: errorWords(error) });
      return undefined;
    }
  },
}));

/** The session already started for an appointment, if any. */
export function sessionFor(sessions: SessionSummaryView[], appointmentId: string): SessionSummaryView | undefined {
  return sessions.find((s) => s.appointmentId === appointmentId);
}
