import type { UserRole } from '../store/repositories/users';

/**
 * What part of a session (or client record) a call touches:
 * `summary` (who, when, status), `clinical` (transcript, note narrative,
 * assessments, risk), `billing` (codes, claim, delivery status).
 */
export type RecordPart = 'summary' | 'clinical' | 'billing';
export type Intent = 'read' | 'write' | 'cosign';

export interface AccessSubject {
  userId: string;
  role: UserRole;
  /** Clinicians this user supervises. */
  supervisees: readonly string[];
  /** 42 CFR Part 2 programs the user is assigned to. */
  programs: readonly string[];
  /** Emergency access is active (time-limited, audited). */
  breakGlass: boolean;
}

export interface RecordOwnership {
  clinicianId: string | null;
  part2Program: string | null;
}

export type Decision =
  | { allowed: true; via: 'owner' | 'supervisor' | 'role' | 'break_glass' }
  | { allowed: false; reason: string };

const deny = (reason: string): Decision => ({ allowed: false, reason });

/**
 * The access rules of issue #12, as one pure function:
 * - Part 2 records only for users assigned to that program (42 CFR 2.13(b)
 *   need to know), except break-glass in an emergency (42 CFR 2.51);
 * - clinicians: their own clients and sessions;
 * - supervisors: also read and co-sign their supervisees' notes;
 * - billers: summaries, codes, claims and delivery status, never clinical text
 *   (HIPAA minimum necessary, 45 CFR 164.502(b));
 * - admins: no clinical content by default.
 */
export function decide(
  subject: AccessSubject,
  record: RecordOwnership,
  part: RecordPart,
  intent: Intent,
): Decision {
  if (record.part2Program && !subject.programs.includes(record.part2Program)) {
    if (!(subject.breakGlass && intent === 'read')) {
      return deny(
        'This client is in a 42 CFR Part 2 program you are not assigned to.',
      );
    }
  }
  switch (subject.role) {
    case 'clinician':
      return clinicianRule(subject, record, intent);
    case 'supervisor':
      return supervisorRule(subject, record, intent);
    case 'biller':
      if (part === 'clinical')
        return deny('Billers cannot see transcripts or note text.');
      if (intent !== 'read')
        return deny('Billers cannot change clinical records.');
      return { allowed: true, via: 'role' };
    case 'admin':
      if (part !== 'summary' || intent !== 'read') {
        return deny(
          'Administrators see no clinical or billing content by default.',
        );
      }
      return { allowed: true, via: 'role' };
  }
}

function clinicianRule(
  subject: AccessSubject,
  record: RecordOwnership,
  intent: Intent,
): Decision {
  if (record.clinicianId === subject.userId) {
    return intent === 'cosign'
      ? deny('A note cannot be co-signed by its author.')
      : { allowed: true, via: 'owner' };
  }
  if (subject.breakGlass && intent === 'read')
    return { allowed: true, via: 'break_glass' };
  return deny("This is another clinician's client.");
}

function supervisorRule(
  subject: AccessSubject,
  record: RecordOwnership,
  intent: Intent,
): Decision {
  if (record.clinicianId === subject.userId)
    return clinicianRule(subject, record, intent);
  const supervised =
    record.clinicianId !== null &&
    subject.supervisees.includes(record.clinicianId);
  if (supervised && intent !== 'write')
    return { allowed: true, via: 'supervisor' };
  if (supervised)
    return deny('Supervisors read and co-sign; the clinician edits.');
  if (subject.breakGlass && intent === 'read')
    return { allowed: true, via: 'break_glass' };
  return deny('You do not supervise this clinician.');
}
