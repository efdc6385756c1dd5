export {
  amendNote,
  ATTESTATION,
  createNote,
  editNote,
  isLocked,
  noteText,
  signNote,
} from './lifecycle';
export {
  assertExportable,
  createProcessNote,
  isProcessNote,
  type PrivateProcessNote,
} from './processNotes';
export { toFhirProvenance, type ProvenanceTargets } from './provenance';
export { NO_CONTENT_TEXT, renderNoteText } from './render';
export type * from './types';
export { documentedNoteOf } from './documented';
