import { AppError } from '../../contract/errors';
import { appendAudit } from '../audit/audit';
import type { StoreHandle } from '../services/storeHandle';
import type { User } from '../store/repositories/users';
import type { AuthState } from './authState';
import {
  decide,
  type AccessSubject,
  type Intent,
  type RecordOwnership,
  type RecordPart,
} from './policy';

/**
 * Applies the access policy to records in the store for the signed-in
 * user. Every refusal is audited (`deny`) and every break-glass read too.
 */
export class AccessGuard {
  constructor(
    private readonly store: StoreHandle,
    readonly auth: AuthState,
  ) {}

  /** The signed-in, unlocked user; refuses otherwise. */
  requireUser(): User {
    const user = this.auth.user;
    if (!user) throw new AppError('unauthorized', 'Sign in first.');
    if (this.auth.isLocked())
      throw new AppError('locked', 'Hushnote is locked.');
    return user;
  }

  requireRole(roles: readonly User['role'][], what: string): User {
    const user = this.requireUser();
    if (!roles.includes(user.role)) {
      this.audit(user.id, 'deny', 'capability', what, {});
      throw new AppError('forbidden', 'Your role does not allow this.');
    }
    return user;
  }

  /**
   * Practice-wide changes (settings, models): an administrator, or the
   * owner created on first run (a solo practice has no separate admin),
   * as for managing users. Refusals are audited.
   */
  requireAdministrator(what: string): User {
    const user = this.requireUser();
    if (!this.administers(user)) {
      this.audit(user.id, 'deny', 'capability', what, {});
      throw new AppError(
        'forbidden',
        'Only an administrator can change practice settings.',
      );
    }
    this.auth.touch();
    return user;
  }

  /** Whether the signed-in user may make practice-wide changes; no audit. */
  isAdministrator(): boolean {
    const user = this.auth.user;
    return user !== null && this.administers(user);
  }

  private administers(user: User): boolean {
    const ownerId = this.store.repos.settings.get('access.ownerId');
    return user.role === 'admin' || user.id === ownerId;
  }

  requireSession(sessionId: string, part: RecordPart, intent: Intent): User {
    const session = this.store.repos.sessions.require(sessionId);
    const client = this.store.repos.clients.get(session.clientId);
    return this.check(
      'session',
      sessionId,
      {
        clinicianId: session.clinicianId,
        part2Program: client?.part2Program ?? null,
      },
      part,
      intent,
    );
  }

  requireClient(clientId: string, part: RecordPart, intent: Intent): User {
    const client = this.store.repos.clients.require(clientId);
    return this.check(
      'client',
      clientId,
      {
        clinicianId: client.ownerClinicianId,
        part2Program: client.part2Program,
      },
      part,
      intent,
    );
  }

  /** Whether the user may see this session at all, without auditing. */
  maySee(sessionId: string, part: RecordPart): boolean {
    const user = this.requireUser();
    const session = this.store.repos.sessions.get(sessionId);
    if (!session) return false;
    const client = this.store.repos.clients.get(session.clientId);
    const record = {
      clinicianId: session.clinicianId,
      part2Program: client?.part2Program ?? null,
    };
    return decide(this.subject(user, false), record, part, 'read').allowed;
  }

  private check(
    objectType: string,
    objectId: string,
    record: RecordOwnership,
    part: RecordPart,
    intent: Intent,
  ): User {
    const user = this.requireUser();
    const decision = decide(
      this.subject(user, this.auth.breakGlass() !== null),
      record,
      part,
      intent,
    );
    if (!decision.allowed) {
      this.audit(user.id, 'deny', objectType, objectId, { part, intent });
      throw new AppError('forbidden', decision.reason);
    }
    if (decision.via === 'break_glass') {
      this.audit(user.id, 'break_glass', objectType, objectId, {
        part,
        intent,
      });
    }
    this.auth.touch();
    return user;
  }

  private subject(user: User, breakGlass: boolean): AccessSubject {
    return {
      userId: user.id,
      role: user.role,
      supervisees: this.store.repos.users.superviseesOf(user.id),
      programs: this.store.repos.users.programsOf(user.id),
      breakGlass,
    };
  }

  private audit(
    actor: string,
    action: 'deny' | 'break_glass',
    objectType: string,
    objectId: string,
    detail: Record<string, string>,
  ): void {
    appendAudit(this.store.db, { actor, action, objectType, objectId, detail });
  }
}
