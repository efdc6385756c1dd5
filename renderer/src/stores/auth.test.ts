import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatusView } from '../../../electron/contract/contract';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { authStep, useAuth } from './auth';

const fresh: AuthStatusView = {
  needsSetup: true,
  user: null,
  locked: false,
  breakGlassUntil: null,
};
const signedIn: AuthStatusView = {
  needsSetup: false,
  user: { id: 'u1', displayName: 'Dr Example', role: 'clinician' },
  locked: false,
  breakGlassUntil: null,
};

describe('auth store', () => {
  beforeEach(() =>
    useAuth.setState({
      status: undefined,
      accounts: true,
      busy: false,
      error: undefined,
    }),
  );

  it('walks from setup to ready', async () => {
    const fake = fakeClient();
    fake.answer('auth:status', () => fresh);
    fake.answer('auth:setup', () => signedIn);
    await useAuth.getState().refresh(fake.client);
    expect(authStep(useAuth.getState().status)).toBe('setup');

    await useAuth.getState().setup(fake.client, {
      username: 'drexample',
      displayName: 'Dr Example',
      password: 'long enough pass',
    });
    expect(authStep(useAuth.getState().status)).toBe('ready');
  });

  it('asks to unlock a locked session and to sign in when nobody is', () => {
    expect(authStep({ ...signedIn, locked: true })).toBe('unlock');
    expect(authStep({ ...signedIn, user: null })).toBe('login');
    expect(authStep(undefined)).toBe('loading');
  });

  it('lets a core without accounts straight in', async () => {
    const fake = fakeClient();
    await useAuth.getState().refresh(fake.client);
    expect(
      authStep(useAuth.getState().status, useAuth.getState().accounts),
    ).toBe('ready');
  });

  it('keeps the status and says why a sign-in failed', async () => {
    const fake = fakeClient();
    fake.answer('auth:login', () => {
      throw new FakeFailure({
        kind: 'unauthorized',
        message: 'Wrong username or password.',
      });
    });
    useAuth.setState({ status: { ...fresh, needsSetup: false } });
    await useAuth
      .getState()
      .login(fake.client, { username: 'x1', password: 'y' });
    expect(useAuth.getState().error).toBe(
      'Please sign in again. Wrong username or password.',
    );
    expect(authStep(useAuth.getState().status)).toBe('login');
  });
});
