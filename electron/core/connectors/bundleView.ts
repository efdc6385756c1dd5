import type {
  Bundle,
  Coding,
  DocumentReference,
  Encounter,
  Patient,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
import { AppError } from '../../contract/errors';

/** What the non-FHIR connectors need from a session bundle. */
export interface SessionView {
  patient: Patient;
  encounter: Encounter;
  document: DocumentReference;
  practitioner?: Practitioner;
  documentType: Coding;
  /** The disclosed note text (with the Part 2 notice first, if any). */
  noteText: string;
  notePdf?: Buffer;
  /** True when the resources carry the 42CFRPart2 label. */
  part2: boolean;
  /** Stable key of this delivery (the note's identifier). */
  deliveryKey: string;
}

/** Reads the session's key resources out of a session transaction bundle. */
export function sessionView(bundle: Bundle): SessionView {
  const patient = first<Patient>(bundle, 'Patient');
  const encounter = first<Encounter>(bundle, 'Encounter');
  const document = first<DocumentReference>(bundle, 'DocumentReference');
  const practitioner = optional<Practitioner>(bundle, 'Practitioner');
  const text = document.content.find((c) =>
    c.attachment.contentType?.startsWith('text/plain'),
  );
  const pdf = document.content.find(
    (c) => c.attachment.contentType === 'application/pdf',
  );
  const id = document.identifier?.[0];

  return {
    patient,
    encounter,
    document,
    ...(practitioner ? { practitioner } : {}),
    documentType: document.type?.coding?.[0] ?? { code: 'note' },
    noteText: Buffer.from(text?.attachment.data ?? '', 'base64').toString(
      'utf8',
    ),
    ...(pdf?.attachment.data
      ? { notePdf: Buffer.from(pdf.attachment.data, 'base64') }
      : {}),
    part2: (document.meta?.security ?? []).some((s) => s.code === '42CFRPart2'),
    deliveryKey: `${id?.system ?? ''}|${id?.value ?? ''}`,
  };
}

function optional<T extends Resource>(
  bundle: Bundle,
  type: T['resourceType'],
): T | undefined {
  return bundle.entry?.find((e) => e.resource?.resourceType === type)
    ?.resource as T | undefined;
}

function first<T extends Resource>(bundle: Bundle, type: T['resourceType']): T {
  const found = optional<T>(bundle, type);
  if (!found)
    throw new AppError('invalid_request', `The session bundle has no ${type}.`);
  return found;
}
