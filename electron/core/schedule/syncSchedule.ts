import { AppError, isAppError, type ErrorInfo } from '../../contract/errors';
import type { Appointment } from '../domain/appointment';
import type { EhrConnector } from '../connectors/ehrConnector';
import { log } from '../log/logger';
import { todayIn } from './dayBounds';
import type { ScheduleCache } from './scheduleCache';

export interface SyncScheduleOptions {
  connector: EhrConnector;
  cache: ScheduleCache;
  timeZone: string;
  /** `YYYY-MM-DD`; today in `timeZone` by default. */
  date?: string;
  now?: () => Date;
}

export interface ScheduleSyncResult {
  date: string;
  appointments: Appointment[];
  /** `ehr` when just pulled; `cache` when offline and served from the last sync. */
  source: 'ehr' | 'cache';
  syncedAt: string;
  /** Why the EHR could not be used, when served from the cache. */
  offline?: ErrorInfo;
}

/** Failures that mean "use the last sync", not "stop". */
const OFFLINE_KINDS = new Set(['ehr_unreachable', 'ehr_auth_expired']);

/**
 * The first step of the day: pull the day's appointments so each session
 * starts with client, payer and treatment-plan goals filled in. When the EHR
 * cannot be reached the last sync is used, and the result says how old it is.
 */
export async function syncSchedule(
  options: SyncScheduleOptions,
): Promise<ScheduleSyncResult> {
  const now = (options.now ?? (() => new Date()))();
  const date = options.date ?? todayIn(options.timeZone, now);
  const { connector, cache } = options;
  if (!connector.pullAppointments) {
    throw new AppError(
      'invalid_request',
      `${connector.describe().name} does not provide a schedule.`,
    );
  }

  try {
    const appointments = await connector.pullAppointments({
      date,
      timeZone: options.timeZone,
    });
    const syncedAt = now.toISOString();
    cache.save(connector.id, date, appointments, syncedAt);
    log().info('schedule.synced', {
      connectorId: connector.id,
      appointments: appointments.length,
    });
    return { date, appointments, source: 'ehr', syncedAt };
  } catch (error) {
    if (!isAppError(error) || !OFFLINE_KINDS.has(error.kind)) throw error;
    const cached = cache.load(connector.id, date);
    if (!cached) {
      throw new AppError(
        error.kind,
        `${error.message} No earlier schedule for ${date} is saved.`,
        { cause: error },
      );
    }
    log().warn('schedule.offline', {
      connectorId: connector.id,
      kind: error.kind,
      appointments: cached.appointments.length,
    });
    return {
      date,
      appointments: cached.appointments,
      source: 'cache',
      syncedAt: cached.syncedAt,
      offline: error.toInfo(),
    };
  }
}
