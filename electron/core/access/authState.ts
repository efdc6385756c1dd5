import type { User } from '../store/repositories/users';

/** HIPAA 164.312(a)(2)(iii) automatic logoff; the practice may change it. */
export const DEFAULT_IDLE_MS = 10 * 60_000;

/** Emergency access lasts this long at most, then ends by itself. */
export const BREAK_GLASS_MS = 60 * 60_000;

export interface BreakGlass {
  reason: string;
  until: number;
}

/**
 * Who is signed in to this app instance, and whether it is locked. After
 * the idle time the instance locks: PHI is refused until the same user
 * unlocks. Capture keeps running underneath, because it never goes
 * through here.
 */
export class AuthState {
  private current: User | null = null;
  private lastActivity = 0;
  private locked = false;
  private glass: BreakGlass | null = null;

  constructor(
    private idleMs: number = DEFAULT_IDLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get user(): User | null {
    return this.current;
  }

  signIn(user: User): void {
    this.current = user;
    this.locked = false;
    this.glass = null;
    this.lastActivity = this.now();
  }

  signOut(): void {
    this.current = null;
    this.locked = false;
    this.glass = null;
  }

  /** True once the idle time has passed since the last call, or after lock(). */
  isLocked(): boolean {
    if (!this.current) return false;
    if (!this.locked && this.now() - this.lastActivity >= this.idleMs) {
      this.locked = true;
    }
    return this.locked;
  }

  lock(): void {
    if (this.current) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.lastActivity = this.now();
  }

  /** A call by the signed-in user resets the idle timer. */
  touch(): void {
    this.lastActivity = this.now();
  }

  setIdleMs(idleMs: number): void {
    this.idleMs = idleMs;
  }

  startBreakGlass(reason: string, durationMs = BREAK_GLASS_MS): BreakGlass {
    this.glass = {
      reason,
      until: this.now() + Math.min(durationMs, BREAK_GLASS_MS),
    };
    return this.glass;
  }

  breakGlass(): BreakGlass | null {
    if (this.glass && this.glass.until <= this.now()) this.glass = null;
    return this.glass;
  }
}
