import { AppError } from '../../../contract/errors';
import type { Database } from '../database';
import { newId, nowIso } from '../clock';
import { guarded } from '../sqliteErrors';

export const USER_ROLES = [
  'clinician',
  'supervisor',
  'biller',
  'admin',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  /** An Argon2 / scrypt PHC string made by the auth layer; never a password. */
  passwordHash: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface NewUser {
  id?: string;
  username: string;
  displayName: string;
  role: UserRole;
  passwordHash?: string;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** Users, their roles, supervisor links and program memberships. */
export class UsersRepository {
  constructor(private readonly db: Database) {}

  create(input: NewUser): User {
    if (!USER_ROLES.includes(input.role))
      throw new AppError('invalid_request', 'Unknown role.');
    const id = input.id ?? newId();
    guarded(() =>
      this.db
        .prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, NULL)')
        .run(
          id,
          input.username,
          input.displayName,
          input.role,
          input.passwordHash ?? null,
          nowIso(),
        ),
    );
    return this.require(id);
  }

  get(id: string): User | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as
      UserRow | undefined;
    return row ? toUser(row) : null;
  }

  require(id: string): User {
    const user = this.get(id);
    if (!user) throw new AppError('not_found', 'No such user.');
    return user;
  }

  findByUsername(username: string): User | null {
    const row = this.db
      .prepare('SELECT * FROM users WHERE username = ?')
      .get(username) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  list(): User[] {
    return (
      this.db
        .prepare('SELECT * FROM users ORDER BY username')
        .all() as UserRow[]
    ).map(toUser);
  }

  setRole(id: string, role: UserRole): void {
    guarded(() =>
      this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id),
    );
  }

  setPasswordHash(id: string, hash: string): void {
    guarded(() =>
      this.db
        .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
        .run(hash, id),
    );
  }

  disable(id: string): void {
    guarded(() =>
      this.db
        .prepare('UPDATE users SET disabled_at = ? WHERE id = ?')
        .run(nowIso(), id),
    );
  }

  /** Lets a disabled user sign in again. */
  enable(id: string): void {
    guarded(() =>
      this.db
        .prepare('UPDATE users SET disabled_at = NULL WHERE id = ?')
        .run(id),
    );
  }

  linkSupervisor(supervisorId: string, superviseeId: string): void {
    guarded(() =>
      this.db
        .prepare('INSERT OR IGNORE INTO supervisor_links VALUES (?, ?)')
        .run(supervisorId, superviseeId),
    );
  }

  superviseesOf(supervisorId: string): string[] {
    const sql =
      'SELECT supervisee_id FROM supervisor_links WHERE supervisor_id = ? ORDER BY 1';
    return this.db.prepare(sql).pluck().all(supervisorId) as string[];
  }

  supervisorsOf(superviseeId: string): string[] {
    const sql =
      'SELECT supervisor_id FROM supervisor_links WHERE supervisee_id = ? ORDER BY 1';
    return this.db.prepare(sql).pluck().all(superviseeId) as string[];
  }

  addToProgram(userId: string, programId: string): void {
    guarded(() =>
      this.db
        .prepare('INSERT OR IGNORE INTO program_memberships VALUES (?, ?)')
        .run(userId, programId),
    );
  }

  removeFromProgram(userId: string, programId: string): void {
    this.db
      .prepare(
        'DELETE FROM program_memberships WHERE user_id = ? AND program_id = ?',
      )
      .run(userId, programId);
  }

  programsOf(userId: string): string[] {
    const sql =
      'SELECT program_id FROM program_memberships WHERE user_id = ? ORDER BY 1';
    return this.db.prepare(sql).pluck().all(userId) as string[];
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}
