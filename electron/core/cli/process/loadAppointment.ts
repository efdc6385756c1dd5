import { readFileSync } from 'node:fs';
import { AppError } from '../../../contract/errors';
import { appointmentSchema, type Appointment } from '../../domain/appointment';

/** Reads and validates an appointment file, naming the first bad field. */
export function loadAppointment(file: string): Appointment {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError(
      'invalid_request',
      'The appointment file is missing or not JSON.',
    );
  }
  const parsed = appointmentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new AppError(
      'invalid_request',
      `The appointment file is invalid at ${where || 'its top level'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}
