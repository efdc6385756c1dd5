import { describe, expect, it } from 'vitest';
import { toStoreError } from './sqliteErrors';

const coded = (code: string) =>
  Object.assign(new Error('raw detail'), { code });

describe('toStoreError', () => {
  it.each([
    ['SQLITE_FULL', 'disk_full'],
    ['ENOSPC', 'disk_full'],
    ['SQLITE_BUSY', 'db_locked'],
    ['SQLITE_CORRUPT', 'db_corrupt'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'conflict'],
    ['EACCES', 'internal'],
  ])('maps %s to %s without leaking the raw message', (code, kind) => {
    const error = toStoreError(coded(code));
    expect(error.kind).toBe(kind);
    expect(error.message).not.toContain('raw detail');
  });
});
