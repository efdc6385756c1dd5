import {
  useEffect,
  useState,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { useClient } from '../api/context';
import { authStep, useAuth } from '../stores/auth';
import { ErrorText } from './Feedback';

/** Shows first-run setup, sign-in or unlock until a user may work. */
export function AuthGate({ children }: { children: ReactNode }) {
  const client = useClient();
  const { status, accounts, error, refresh } = useAuth();

  useEffect(() => {
    void refresh(client);
    // The core locks after idle time; notice it without a user action.
    const timer = setInterval(() => void refresh(client), 30_000);
    return () => clearInterval(timer);
  }, [client, refresh]);

  const step = authStep(status, accounts);
  if (step === 'ready') return <>{children}</>;
  return (
    <section aria-labelledby="screen-title" className="auth">
      {step === 'loading' &&
        (error ? (
          <ErrorText error={error} />
        ) : (
          <p role="status">Connecting…</p>
        ))}
      {step === 'setup' && <SetupForm />}
      {step === 'login' && <LoginForm />}
      {step === 'unlock' && <UnlockForm />}
    </section>
  );
}

function useField(initial = '') {
  const [value, setValue] = useState(initial);
  return {
    value,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
  };
}

function SetupForm() {
  const client = useClient();
  const { busy, error, setup } = useAuth();
  const username = useField();
  const displayName = useField();
  const password = useField();
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void setup(client, {
      username: username.value,
      displayName: displayName.value,
      password: password.value,
    });
  };
  return (
    <form onSubmit={submit} className="panel">
      <h2 id="screen-title">Create the first account</h2>
      <p>
        This account is the clinician who records and signs notes on this
        computer.
      </p>
      <label>
        Username
        <input autoComplete="username" required {...username} />
      </label>
      <label>
        Name as it appears on notes
        <input required {...displayName} />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="new-password"
          required
          {...password}
        />
      </label>
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Create account
      </button>
    </form>
  );
}

function LoginForm() {
  const client = useClient();
  const { busy, error, login } = useAuth();
  const username = useField();
  const password = useField();
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void login(client, { username: username.value, password: password.value });
  };
  return (
    <form onSubmit={submit} className="panel">
      <h2 id="screen-title">Sign in</h2>
      <label>
        Username
        <input autoComplete="username" required {...username} />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          {...password}
        />
      </label>
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

function UnlockForm() {
  const client = useClient();
  const { busy, error, status, unlock } = useAuth();
  const password = useField();
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void unlock(client, password.value);
  };
  return (
    <form onSubmit={submit} className="panel">
      <h2 id="screen-title">Hushnote is locked</h2>
      <p>Signed in as {status?.user?.displayName}.</p>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          {...password}
        />
      </label>
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Unlock
      </button>
    </form>
  );
}

/** The signed-in user, with Lock and Sign out, for the sidebar. */
export function UserBadge() {
  const client = useClient();
  const { status, lock, logout } = useAuth();
  const user = status?.user;
  if (!user || status.locked) return null;
  return (
    <div className="user">
      <p>
        {user.displayName} ({user.role})
      </p>
      <button type="button" onClick={() => void lock(client)}>
        Lock
      </button>
      <button type="button" onClick={() => void logout(client)}>
        Sign out
      </button>
    </div>
  );
}
