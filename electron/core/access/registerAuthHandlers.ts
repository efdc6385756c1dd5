import { PUBLIC_CHANNELS } from '../../contract/authContract';
import type { HandlerRegistry } from '../ipc/registry';
import type { User } from '../store/repositories/users';
import type { AccessGuard } from './accessGuard';
import type { AuthService } from './authService';

/**
 * The sign-in and user channels, and the gate that refuses every other
 * channel while nobody is signed in, the app is locked, or the signed-in
 * account has been disabled meanwhile. The CLI runs as the OS
 * user and does not pass through here.
 */
export function registerAuthHandlers(
  registry: HandlerRegistry,
  auth: AuthService,
  guard: AccessGuard,
): void {
  registry.setGate((name, context) => {
    if (context.origin === 'cli' || PUBLIC_CHANNELS.has(name)) return;
    auth.endSessionIfDisabled();
    guard.requireUser();
  });

  registry.register('auth:status', () => auth.status());
  registry.register('auth:setup', (r) => auth.setupOwner(r));
  registry.register('auth:login', (r) => auth.signIn(r.username, r.password));
  registry.register('auth:logout', () => auth.signOut());
  registry.register('auth:lock', () => auth.lock());
  registry.register('auth:unlock', (r) => auth.unlock(r.password));
  registry.register('auth:breakGlass', (r) => auth.breakGlass(r.reason));
  registry.register('users:list', () => {
    auth.requireAdmin();
    return auth.listUsers().map(toUserView);
  });
  registry.register('users:add', async (r) =>
    toUserView(await auth.addUser(r)),
  );
  registry.register('users:setDisabled', ({ userId, disabled }) =>
    toUserView(auth.setUserDisabled(userId, disabled)),
  );
}

function toUserView(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
  };
}
