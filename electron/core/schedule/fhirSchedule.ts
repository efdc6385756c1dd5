import type {
  Appointment as FhirAppointment,
  Bundle,
  Coverage,
  Goal,
  Organization,
  Patient,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
import type { Appointment } from '../domain/appointment';
import { log } from '../log/logger';
import type { ScheduleQuery } from '../connectors/ehrConnector';
import type { FhirHttp } from '../connectors/fhirR4/fhirHttp';
import { dayBounds } from './dayBounds';
import {
  toDomainAppointment,
  type ScheduleDefaults,
} from './fhirAppointmentMapping';

const NPI = 'http://hl7.org/fhir/sid/us-npi';
const ACTIVE = 'booked,arrived,checked-in,fulfilled';
const MAX_PAGES = 10;

/**
 * Pulls one day's appointments from a FHIR R4 EHR, with each client's
 * active coverage, payer and treatment-plan goals. Appointments without a
 * Patient or Practitioner participant are skipped (blocked time, groups
 * booked by location).
 */
export async function fetchDaySchedule(
  http: FhirHttp,
  query: ScheduleQuery,
  defaults: ScheduleDefaults,
): Promise<Appointment[]> {
  const { start, end } = dayBounds(query.date, query.timeZone);
  const search = new URLSearchParams([
    ['date', `ge${start}`],
    ['date', `lt${end}`],
    ['status', ACTIVE],
    ['_count', '100'],
  ]);
  if (defaults.practitionerNpi) {
    const actor = await practitionerRef(http, defaults.practitionerNpi);
    if (!actor) return [];
    search.append('actor', actor);
  }
  const appointments = await searchAll<FhirAppointment>(
    http,
    `Appointment?${search.toString()}`,
  );
  const reader = new CachedReader(http);

  const out: Appointment[] = [];
  for (const a of appointments.sort(
    (x, y) => Date.parse(x.start ?? '') - Date.parse(y.start ?? ''),
  )) {
    const mapped = await fetchOne(reader, a, query.timeZone, defaults);
    if (mapped) out.push(mapped);
  }
  log().info('schedule.pulled', {
    appointments: out.length,
    skipped: appointments.length - out.length,
  });
  return out;
}

async function fetchOne(
  reader: CachedReader,
  a: FhirAppointment,
  timeZone: string,
  defaults: ScheduleDefaults,
): Promise<Appointment | undefined> {
  const actor = (type: string) =>
    a.participant.find((p) => p.actor?.reference?.startsWith(`${type}/`))?.actor
      ?.reference;
  const patientRef = actor('Patient');
  const practitionerRef = actor('Practitioner');
  if (!patientRef || !practitionerRef || !a.start || !a.end) return undefined;

  const patient = await reader.read<Patient>(patientRef);
  const practitioner = await reader.read<Practitioner>(practitionerRef);
  const coverage = (
    await searchAll<Coverage>(
      reader.http,
      `Coverage?beneficiary=${patientRef}&status=active`,
    )
  )[0];
  const payerRef = coverage?.payor[0]?.reference;
  const payer = payerRef?.startsWith('Organization/')
    ? await reader.read<Organization>(payerRef)
    : undefined;
  const goals = await searchAll<Goal>(
    reader.http,
    `Goal?patient=${patientRef}&lifecycle-status=active`,
  );

  return toDomainAppointment(
    {
      appointment: a,
      patient,
      practitioner,
      goals,
      ...(coverage ? { coverage } : {}),
      ...(payer ? { payer } : {}),
    },
    timeZone,
    defaults,
  );
}

/** `Practitioner/<id>` of the clinician with this NPI, if the EHR has one. */
async function practitionerRef(
  http: FhirHttp,
  npi: string,
): Promise<string | undefined> {
  const query = `Practitioner?identifier=${encodeURIComponent(`${NPI}|${npi}`)}`;
  const [found] = await searchAll<Practitioner>(http, query);
  return found?.id ? `Practitioner/${found.id}` : undefined;
}

/** Reads by reference once per sync (many appointments share a clinician). */
class CachedReader {
  private readonly seen = new Map<string, Resource>();
  constructor(readonly http: FhirHttp) {}

  async read<T extends Resource>(reference: string): Promise<T> {
    const hit = this.seen.get(reference);
    if (hit) return hit as T;
    const res = await this.http.request('GET', reference);
    this.seen.set(reference, res.body as T);
    return res.body as T;
  }
}

async function searchAll<T extends Resource>(
  http: FhirHttp,
  first: string,
): Promise<T[]> {
  const out: T[] = [];
  let path: string | undefined = first;
  for (let page = 0; path && page < MAX_PAGES; page += 1) {
    const bundle = (await http.request('GET', path)).body as Bundle<T>;
    for (const e of bundle.entry ?? []) {
      if (e.resource && (e.search?.mode ?? 'match') === 'match')
        out.push(e.resource);
    }
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    path = next ? relativeTo(next) : undefined;
  }
  return out;
}

/** Paging links are absolute; FhirHttp takes paths relative to the base. */
function relativeTo(url: string): string {
  const match = /\/(\w+\?.*)$/.exec(url);
  return match?.[1] ?? url;
}
