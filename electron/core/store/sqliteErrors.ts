import { AppError, isAppError } from '../../contract/errors';

/**
 * Maps SQLite and file-system failures onto the app's error kinds. Messages
 * name the condition, never the data that was being written.
 */
export function toStoreError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const code = errorCode(error);

  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'disk_full',
      'The disk is full; nothing was saved by this step.',
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError(
      'db_locked',
      'The database is busy in another window or process.',
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('db_corrupt', 'The database file is damaged.', {
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('conflict', 'The change conflicts with saved data.', {
      cause: error,
    });
  }
  return new AppError('internal', 'The local database failed.', {
    cause: error,
  });
}

export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    if (typeof code === 'string') return code;
  }
  return '';
}

/** Runs `fn`, turning any store failure into a typed AppError. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toStoreError(error);
  }
}
