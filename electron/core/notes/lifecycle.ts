import { applyPatch, createPatch } from 'diff';
import { AppError } from '../../contract/errors';
import type { Draft } from '../drafting/types';
import { log } from '../log/logger';
import { NO_CONTENT_TEXT, renderNoteText } from './render';
import type { Note, NoteVersion, Signer } from './types';

/**
 * Pure functions over a note's versions: each returns a new Note and never
 * changes the one given. Attestation wording follows DOMAIN.md 1.9 item
 * 10: a scribe draft is not signed until the clinician attests.
 */
export const ATTESTATION =
  'I personally provided this service, reviewed this note drafted with the help of Hushnote, and attest that it is accurate and complete.';

export function createNote(
  draft: Draft,
  meta: { id: string; appointmentId?: string; at: string },
): Note {
  requireInstant(meta.at);
  const author = {
    type: 'device' as const,
    engine: draft.engine,
    ...(draft.model ? { model: draft.model } : {}),
  };
  return {
    id: meta.id,
    ...(meta.appointmentId ? { appointmentId: meta.appointmentId } : {}),
    format: draft.format,
    draft,
    status: 'draft',
    versions: [
      {
        version: 1,
        kind: 'draft',
        text: renderNoteText(draft),
        author,
        at: meta.at,
      },
    ],
    signatures: [],
  };
}

export function isLocked(note: Note): boolean {
  return note.status === 'signed' || note.status === 'amended';
}

/** The text of a version (default: the latest), rebuilt from its diffs. */
export function noteText(note: Note, version = note.versions.length): string {
  let text = '';
  for (const v of note.versions.slice(0, version)) {
    if (v.text !== undefined) text = v.text;
    else if (v.patch !== undefined) text = patched(text, v.patch);
  }
  return text;
}

/** A clinician edit of an unsigned note, stored as a diff. */
export function editNote(
  note: Note,
  text: string,
  by: { clinicianId: string; at: string },
): Note {
  if (isLocked(note))
    throw new AppError(
      'note_locked',
      'This note is signed; add an amendment instead of editing it.',
    );
  requireInstant(by.at);
  const version = nextVersion(note, text, {
    kind: 'edit',
    author: { type: 'clinician', clinicianId: by.clinicianId },
    at: by.at,
  });
  if (!version) return note;
  log().info('note.edited', { noteId: note.id, version: version.version });
  return { ...note, status: 'edited', versions: [...note.versions, version] };
}

/** Attests and locks the note. A draft built around cut model output must be edited first. */
export function signNote(note: Note, signer: Signer): Note {
  if (isLocked(note))
    throw new AppError('note_locked', 'This note is already signed.');
  requireSigner(signer);
  const text = noteText(note);
  if (!hasBody(text))
    throw new AppError('note_invalid', 'An empty note cannot be signed.');
  if (note.draft.incomplete && note.status === 'draft') {
    throw new AppError(
      'note_invalid',
      'Part of this draft could not be generated; review and edit it before signing.',
    );
  }
  const version = note.versions.length;
  log().info('note.signed', { noteId: note.id, version });
  return {
    ...note,
    status: 'signed',
    signatures: [...note.signatures, signature(signer, version)],
  };
}

/** A signed note changed later: a new version with its reason, attested again. */
export function amendNote(
  note: Note,
  change: Signer & { reason: string; text: string },
): Note {
  if (!isLocked(note))
    throw new AppError(
      'note_invalid',
      'Only a signed note can be amended; edit the draft instead.',
    );
  requireSigner(change);
  const reason = change.reason.trim();
  if (!reason)
    throw new AppError('note_invalid', 'An amendment needs a reason.');
  const author = {
    type: 'clinician' as const,
    clinicianId: change.clinicianId,
  };
  const version = nextVersion(note, change.text, {
    kind: 'amendment',
    author,
    at: change.at,
    reason,
  });
  if (!version)
    throw new AppError(
      'note_invalid',
      'The amendment does not change the note.',
    );
  log().info('note.amended', { noteId: note.id, version: version.version });
  return {
    ...note,
    status: 'amended',
    versions: [...note.versions, version],
    signatures: [...note.signatures, signature(change, version.version)],
  };
}

function nextVersion(
  note: Note,
  text: string,
  meta: Omit<NoteVersion, 'version' | 'patch' | 'text'>,
): NoteVersion | undefined {
  const previous = noteText(note);
  if (text === previous) return undefined;
  const patch = createPatch(note.id, previous, text, '', '', { context: 2 });
  return { ...meta, version: note.versions.length + 1, patch };
}

function patched(text: string, patch: string): string {
  const result = applyPatch(text, patch);
  if (result === false)
    throw new AppError(
      'note_invalid',
      'A stored note version could not be rebuilt.',
    );
  return result;
}

function signature(
  signer: Signer,
  version: number,
): Note['signatures'][number] {
  return {
    clinicianId: signer.clinicianId,
    name: signer.name,
    ...(signer.credential ? { credential: signer.credential } : {}),
    at: signer.at,
    version,
    attestation: ATTESTATION,
  };
}

function hasBody(text: string): boolean {
  const body = text
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(NO_CONTENT_TEXT, '');
  return /[a-z0-9]/i.test(body);
}

function requireSigner(signer: Signer): void {
  if (!signer.clinicianId.trim() || !signer.name.trim()) {
    throw new AppError(
      'invalid_request',
      "Signing needs the clinician's id and name.",
    );
  }
  requireInstant(signer.at);
}

function requireInstant(at: string): void {
  if (Number.isNaN(Date.parse(at)) || !/T\d{2}:\d{2}/.test(at)) {
    throw new AppError('invalid_request', 'Times must be ISO 8601 instants.');
  }
}
