import type { Appointment } from '../domain/appointment';
import type { AppointmentsRepository } from '../store/repositories/appointments';
import type { SettingsRepository } from '../store/repositories/settings';

/** One day's schedule as last pulled from an EHR. */
export interface CachedDay {
  appointments: Appointment[];
  syncedAt: string;
}

/** Where the last pulled schedule is kept, for working offline. */
export interface ScheduleCache {
  save(
    connectorId: string,
    date: string,
    appointments: Appointment[],
    syncedAt: string,
  ): void;
  load(connectorId: string, date: string): CachedDay | undefined;
}

/**
 * The cache in the encrypted database: appointments go into the store's
 * appointments table (so sessions can start from them), and the day's list
 * and sync time into settings. An appointment cancelled in the EHR drops
 * out of the day's list at the next sync.
 */
export class StoreScheduleCache implements ScheduleCache {
  constructor(
    private readonly appointments: AppointmentsRepository,
    private readonly settings: SettingsRepository,
  ) {}

  save(
    connectorId: string,
    date: string,
    appointments: Appointment[],
    syncedAt: string,
  ): void {
    for (const a of appointments) this.appointments.save(a);
    this.settings.set(key(connectorId, date), {
      ids: appointments.map((a) => a.id),
      syncedAt,
    });
  }

  load(connectorId: string, date: string): CachedDay | undefined {
    const day = this.settings.get(key(connectorId, date));
    if (!isSyncRecord(day)) return undefined;
    const appointments = day.ids.flatMap((id) => {
      const a = this.appointments.get(id);
      return a ? [a] : [];
    });
    return { appointments, syncedAt: day.syncedAt };
  }
}

interface SyncRecord {
  ids: string[];
  syncedAt: string;
}

function isSyncRecord(value: unknown): value is SyncRecord {
  const v = value as Partial<SyncRecord> | null;
  return Array.isArray(v?.ids) && typeof v.syncedAt === 'string';
}

function key(connectorId: string, date: string): string {
  return `schedule.sync.${connectorId}.${date}`;
}
