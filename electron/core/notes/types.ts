import type { Draft } from '../drafting/types';

/**
 * A progress note through review: draft -> edited -> signed -> amended.
 * Version 1 is the drafted text in full; every later version (clinician
 * edit or amendment) is stored as a unified diff against the one before,
 * so each version can be rebuilt and shown. Signed notes are locked.
 */
export type NoteStatus = 'draft' | 'edited' | 'signed' | 'amended';

export type VersionAuthor =
  | { type: 'device'; engine: Draft['engine']; model?: string }
  | { type: 'clinician'; clinicianId: string };

export interface NoteVersion {
  version: number;
  kind: 'draft' | 'edit' | 'amendment';
  /** Full text, on version 1 only. */
  text?: string;
  /** Unified diff from the previous version's text, on later versions. */
  patch?: string;
  author: VersionAuthor;
  /** ISO 8601 instant. */
  at: string;
  /** Why an amendment was made; required on amendments. */
  reason?: string;
}

/** The clinician's attestation; the first signs the note, later ones sign amendments. */
export interface NoteSignature {
  clinicianId: string;
  name: string;
  credential?: string;
  at: string;
  /** The version this signature attests. */
  version: number;
  attestation: string;
}

export interface Note {
  id: string;
  appointmentId?: string;
  format: string;
  /** The draft as produced, kept for its evidence links and Provenance. */
  draft: Draft;
  status: NoteStatus;
  versions: NoteVersion[];
  signatures: NoteSignature[];
}

export interface Signer {
  clinicianId: string;
  name: string;
  credential?: string;
  /** ISO 8601 instant of the attestation. */
  at: string;
}
