import type { ErrorInfo, ErrorKind } from '../../../electron/contract/errors';

/** Plain words for each error kind; exhaustive, so a new kind breaks the build. */
export function errorText(kind: ErrorKind): string {
  switch (kind) {
    case 'invalid_request':
      return 'That request was not valid.';
    case 'unauthorized':
      return 'Please sign in again.';
    case 'forbidden':
      return 'Your role does not allow this.';
    case 'locked':
      return 'Hushnote is locked. Unlock to continue.';
    case 'not_found':
      return 'That item no longer exists.';
    case 'conflict':
      return 'Someone changed this at the same time. Reload and try again.';
    case 'internal':
      return 'Something went wrong inside Hushnote.';
    case 'cancelled':
      return 'Cancelled.';
    case 'model_missing':
      return 'The speech or language model is not installed. Open Settings > Models.';
    case 'model_corrupt':
      return 'A model file is damaged. Download it again in Settings > Models.';
    case 'audio_unreadable':
      return 'That recording could not be read.';
    case 'audio_empty':
      return 'That recording holds no audio.';
    case 'mic_denied':
      return 'Microphone access was denied.';
    case 'capture_failed':
      return 'Audio capture stopped unexpectedly. Your recording so far is saved.';
    case 'db_locked':
      return 'The database is busy. Try again in a moment.';
    case 'db_wrong_key':
      return 'The database key is wrong.';
    case 'db_corrupt':
      return 'The database file is damaged.';
    case 'db_too_new':
      return 'The database was written by a newer Hushnote. Update the app.';
    case 'disk_full':
      return 'The disk is full. Free some space; nothing saved was lost.';
    case 'keychain_unavailable':
      return 'The system keychain is not available.';
    case 'note_locked':
      return 'This note is signed. Amend it instead.';
    case 'note_invalid':
      return 'The note is incomplete.';
    case 'billing_invalid':
      return 'These billing details do not fit together.';
    case 'claim_invalid':
      return 'The claim cannot be built from these details.';
    case 'consent_required':
      return 'A 42 CFR Part 2 consent is needed before this can be sent.';
    case 'ehr_unreachable':
      return 'The EHR could not be reached. Delivery will be retried.';
    case 'ehr_rejected':
      return 'The EHR rejected the delivery.';
    case 'ehr_auth_expired':
      return 'The EHR sign-in expired. Reconnect it in Settings.';
  }
}

export function describeError(info: ErrorInfo): string {
  return `${errorText(info.kind)} ${info.message}`.trim();
}
