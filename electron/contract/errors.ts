/**
 * The closed set of error kinds that may cross a process boundary. Every
 * failure that reaches the renderer, the browser bridge or the CLI is one of
 * these; anything unexpected becomes `internal` before it leaves the core, so
 * no stack trace or PHI reaches the UI.
 */
export const ERROR_KINDS = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'locked',
  'not_found',
  'conflict',
  'internal',
  'cancelled',
  'model_missing',
  'model_corrupt',
  'audio_unreadable',
  'audio_empty',
  'mic_denied',
  'capture_failed',
  'db_locked',
  'db_wrong_key',
  'db_corrupt',
  'db_too_new',
  'disk_full',
  'keychain_unavailable',
  'note_locked',
  'note_invalid',
  'billing_invalid',
  'claim_invalid',
  'consent_required',
  'ehr_unreachable',
  'ehr_rejected',
  'ehr_auth_expired',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/**
 * The one error currency inside the core. `message` must be safe to show to
 * the clinician and to log: it never contains transcript text, note text,
 * names or identifiers of the person in therapy.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
  }

  toInfo(): ErrorInfo {
    return { kind: this.kind, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Converts anything thrown into a reply-safe error, hiding unknown details. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isAppError(error)) return error.toInfo();
  return { kind: 'internal', message: 'Something went wrong inside Hushnote.' };
}
