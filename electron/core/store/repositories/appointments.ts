import { AppError } from '../../../contract/errors';
import { appointmentSchema, type Appointment } from '../../domain/appointment';
import type { Database } from '../database';
import { nowIso } from '../clock';
import { guarded } from '../sqliteErrors';
import { ClientsRepository } from './clients';

/**
 * Appointments keep their full JSON; the client, payer and coverage they
 * name are upserted so sessions can reference them.
 */
export class AppointmentsRepository {
  private readonly clients: ClientsRepository;

  constructor(private readonly db: Database) {
    this.clients = new ClientsRepository(db);
  }

  save(input: Appointment): Appointment {
    const parsed = appointmentSchema.safeParse(input);
    if (!parsed.success)
      throw new AppError('invalid_request', 'The appointment is not valid.');
    const appt = parsed.data;
    guarded(() => this.db.transaction(() => this.write(appt))());
    return appt;
  }

  private write(appt: Appointment): void {
    this.clients.upsert({
      id: appt.client.id,
      givenName: appt.client.givenName,
      familyName: appt.client.familyName,
      birthDate: appt.client.birthDate,
      part2Program: appt.client.part2Program ?? null,
      ownerClinicianId: appt.clinician.id,
    });
    this.clients.upsertPayer({
      id: appt.payer.id,
      name: appt.payer.name,
      profile: appt.payer.profile,
    });
    if (appt.coverage) {
      this.clients.upsertCoverage({
        clientId: appt.client.id,
        payerId: appt.payer.id,
        memberId: appt.coverage.memberId,
        groupNumber: appt.coverage.groupNumber ?? null,
        relationship: appt.coverage.relationship,
        subscriber: appt.coverage.subscriber ?? null,
      });
    }
    this.db
      .prepare(
        `INSERT INTO appointments VALUES (@id, @clientId, @clinicianId, @payerId, @service, @modality,
           @start, @end, @json, @now)
         ON CONFLICT(id) DO UPDATE SET client_id = excluded.client_id, clinician_id = excluded.clinician_id,
           payer_id = excluded.payer_id, service = excluded.service, modality = excluded.modality,
           scheduled_start = excluded.scheduled_start, scheduled_end = excluded.scheduled_end,
           appointment_json = excluded.appointment_json, updated_at = excluded.updated_at`,
      )
      .run({
        id: appt.id,
        clientId: appt.client.id,
        clinicianId: appt.clinician.id,
        payerId: appt.payer.id,
        service: appt.service,
        modality: appt.modality,
        start: new Date(appt.scheduledStart).toISOString(),
        end: new Date(appt.scheduledEnd).toISOString(),
        json: JSON.stringify(appt),
        now: nowIso(),
      });
  }

  get(id: string): Appointment | null {
    const json = this.db
      .prepare('SELECT appointment_json FROM appointments WHERE id = ?')
      .pluck()
      .get(id);
    return typeof json === 'string'
      ? appointmentSchema.parse(JSON.parse(json))
      : null;
  }

  /** A clinician's appointments starting in [from, to), by start time. */
  listForClinician(
    clinicianId: string,
    from: string,
    to: string,
  ): Appointment[] {
    const rows = this.db
      .prepare(
        `SELECT appointment_json FROM appointments
         WHERE clinician_id = ? AND scheduled_start >= ? AND scheduled_start < ? ORDER BY scheduled_start`,
      )
      .pluck()
      .all(
        clinicianId,
        new Date(from).toISOString(),
        new Date(to).toISOString(),
      ) as string[];
    return rows.map((json) => appointmentSchema.parse(JSON.parse(json)));
  }
}
