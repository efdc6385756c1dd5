import { AppError } from '../../contract/errors';
import { appendAudit, type AuditInput } from '../audit/audit';
import type { StoreHandle } from '../services/storeHandle';
import type { User, UserRole } from '../store/repositories/users';
import type { AuthState } from './authState';
import { hashPassword, verifyPassword } from './passwords';

export interface AuthStatus {
  /** No user exists yet: the first run creates the owner. */
  needsSetup: boolean;
  user: { id: string; displayName: string; role: UserRole } | null;
  locked: boolean;
  breakGlassUntil: string | null;
}

/**
 * Local sign-in: unique users with Argon2id password hashes (HIPAA
 * 164.312(a)(2)(i) and (d)), the idle lock, and break-glass access.
 * Every sign-in, failure, lock and emergency access is audited.
 */
export class AuthService {
  constructor(
    private readonly store: StoreHandle,
    private readonly state: AuthState,
  ) {}

  status(): AuthStatus {
    const user = this.state.user;
    const glass = this.state.breakGlass();
    return {
      needsSetup: this.store.repos.users.list().length === 0,
      user: user
        ? { id: user.id, displayName: user.displayName, role: user.role }
        : null,
      locked: this.state.isLocked(),
      breakGlassUntil: glass ? new Date(glass.until).toISOString() : null,
    };
  }

  /** First run only: creates the practice owner and signs them in. */
  async setupOwner(input: {
    username: string;
    displayName: string;
    password: string;
  }): Promise<AuthStatus> {
    if (this.store.repos.users.list().length > 0) {
      throw new AppError('conflict', 'The owner already exists.');
    }
    const user = this.store.repos.users.create({
      username: input.username,
      displayName: input.displayName,
      role: 'clinician',
      passwordHash: await hashPassword(input.password),
    });
    this.store.repos.settings.set('access.ownerId', user.id);
    this.audit(user.id, 'create', 'user', user.id);
    this.state.signIn(user);
    this.audit(user.id, 'login', 'user', user.id);
    return this.status();
  }

  async signIn(username: string, password: string): Promise<AuthStatus> {
    const user = this.store.repos.users.findByUsername(username);
    const ok =
      user &&
      !user.disabledAt &&
      (await verifyPassword(user.passwordHash, password));
    if (!ok) {
      this.audit(user?.id ?? 'unknown', 'deny', 'login', user?.id ?? 'unknown');
      throw new AppError('unauthorized', 'Wrong username or password.');
    }
    this.state.signIn(user);
    this.audit(user.id, 'login', 'user', user.id);
    return this.status();
  }

  signOut(): AuthStatus {
    const user = this.state.user;
    if (user) this.audit(user.id, 'logout', 'user', user.id);
    this.state.signOut();
    return this.status();
  }

  lock(): AuthStatus {
    const user = this.state.user;
    if (user) this.audit(user.id, 'lock', 'user', user.id);
    this.state.lock();
    return this.status();
  }

  /** Only the signed-in user's own password unlocks. */
  async unlock(password: string): Promise<AuthStatus> {
    this.endSessionIfDisabled();
    const user = this.state.user;
    if (!user) throw new AppError('unauthorized', 'Sign in first.');
    const fresh = this.store.repos.users.require(user.id);
    if (!(await verifyPassword(fresh.passwordHash, password))) {
      this.audit(user.id, 'deny', 'unlock', user.id);
      throw new AppError('unauthorized', 'Wrong password.');
    }
    this.state.unlock();
    this.audit(user.id, 'unlock', 'user', user.id);
    return this.status();
  }

  /** Emergency access to records outside the user's assignments. */
  breakGlass(reason: string): AuthStatus {
    const user = this.state.user;
    if (!user || this.state.isLocked())
      throw new AppError('unauthorized', 'Sign in first.');
    if (user.role !== 'clinician' && user.role !== 'supervisor') {
      throw new AppError(
        'forbidden',
        'Only clinicians can use emergency access.',
      );
    }
    if (reason.trim().length < 10) {
      throw new AppError(
        'invalid_request',
        'Emergency access needs a reason of at least 10 characters.',
      );
    }
    this.state.startBreakGlass(reason);
    this.audit(user.id, 'break_glass', 'user', user.id);
    return this.status();
  }

  /** Admins (and the owner) add users; passwords are hashed here. */
  async addUser(input: {
    username: string;
    displayName: string;
    role: UserRole;
    password: string;
  }): Promise<User> {
    const actor = this.requireAdmin();
    if (this.store.repos.users.findByUsername(input.username)) {
      throw new AppError('conflict', 'That username is already taken.');
    }
    const user = this.store.repos.users.create({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    });
    this.audit(actor.id, 'create', 'user', user.id);
    return user;
  }

  /**
   * Admins (and the owner) disable an account or enable it again. Nobody
   * disables themself, and the owner (the practice has one, made on first
   * run) is never disabled, so someone can always manage users. Each
   * change and each refusal is audited.
   */
  setUserDisabled(userId: string, disabled: boolean): User {
    const actor = this.requireAdmin();
    const target = this.store.repos.users.require(userId);
    if (disabled) this.refuseToDisable(actor, target);
    if ((target.disabledAt !== null) === disabled) return target;

    if (disabled) this.store.repos.users.disable(target.id);
    else this.store.repos.users.enable(target.id);
    this.audit(actor.id, 'update', 'user', target.id, { disabled });
    return this.store.repos.users.require(target.id);
  }

  private refuseToDisable(actor: User, target: User): void {
    const ownerId = this.store.repos.settings.get('access.ownerId');
    const refuse = (reason: string, message: string) => {
      this.audit(actor.id, 'deny', 'user', target.id, {
        disabled: true,
        reason,
      });
      return new AppError('forbidden', message);
    };
    if (target.id === actor.id) {
      throw refuse('self', 'You cannot disable your own account.');
    }
    if (target.id === ownerId) {
      throw refuse('owner', 'The practice owner cannot be disabled.');
    }
  }

  /**
   * Ends the session of a user disabled since signing in (by another
   * window or process on the same store); the gate calls it before each
   * guarded call.
   */
  endSessionIfDisabled(): void {
    const user = this.state.user;
    if (!user) return;
    const fresh = this.store.repos.users.get(user.id);
    if (fresh && fresh.disabledAt === null) return;
    this.audit(user.id, 'logout', 'user', user.id, { reason: 'disabled' });
    this.state.signOut();
  }

  listUsers(): User[] {
    return this.store.repos.users.list();
  }

  requireAdmin(): User {
    const user = this.state.user;
    if (!user || this.state.isLocked())
      throw new AppError('unauthorized', 'Sign in first.');
    const ownerId = this.store.repos.settings.get('access.ownerId');
    if (user.role !== 'admin' && user.id !== ownerId) {
      this.audit(user.id, 'deny', 'capability', 'users');
      throw new AppError(
        'forbidden',
        'Only an administrator can manage users.',
      );
    }
    return user;
  }

  private audit(
    actor: string,
    action:
      | 'create'
      | 'login'
      | 'logout'
      | 'lock'
      | 'unlock'
      | 'deny'
      | 'break_glass'
      | 'update',
    objectType: string,
    objectId: string,
    detail?: AuditInput['detail'],
  ): void {
    appendAudit(this.store.db, {
      actor,
      action,
      objectType,
      objectId,
      ...(detail ? { detail } : {}),
    });
  }
}
