import { useEffect, useState } from 'react';
import type { UserView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { size } from '../lib/format';
import { useSettings } from '../stores/settings';
import { useNavigation } from '../stores/navigation';

/** Settings: models on this machine, connector, payers, retention, theme. */
export function SettingsScreen() {
  const client = useClient();
  const { settings, models, error, load } = useSettings();
  const theme = useNavigation((s) => s.theme);
  const toggleTheme = useNavigation((s) => s.toggleTheme);

  useEffect(() => {
    void load(client);
  }, [client, load]);

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Settings</h2>
      <ErrorText error={error} />
      <section className="panel" aria-labelledby="models-title">
        <h3 id="models-title">Speech models</h3>
        {settings && (
          <p className="muted">
            Stored in {settings.modelsDir} · this machine:{' '}
            {settings.hardware.cores} cores, {settings.hardware.memoryGiB} GiB
            memory
          </p>
        )}
        <table aria-label="Speech models">
          <thead>
            <tr>
              <th>Model</th>
              <th>Size</th>
              <th>Status</th>
              <th>Licence</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.name}>
                <td>
                  {m.name}
                  {m.recommended && <span className="badge">recommended</span>}
                </td>
                <td>{size(m.sizeBytes)}</td>
                <td>{m.installed ? 'Installed' : 'Not installed'}</td>
                <td>{m.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Install a model with <code>hushnote models get NAME</code>; downloads
          resume and are checked against a pinned checksum.
        </p>
      </section>
      {settings && (
        <section className="panel" aria-labelledby="practice-title">
          <h3 id="practice-title">Practice</h3>
          <dl>
            <dt>EHR connector</dt>
            <dd>{settings.ehrConnector}</dd>
            <dt>Payer profiles</dt>
            <dd>{settings.payerProfiles.join(', ')}</dd>
            <dt>Recording consent</dt>
            <dd>
              {settings.consentRequired
                ? 'Required before capture'
                : 'Not required by the practice'}
            </dd>
            <dt>Retention of recordings</dt>
            <dd>
              {settings.retentionDays === null
                ? 'Kept'
                : `${settings.retentionDays} days after signing`}
            </dd>
            <dt>Data folder</dt>
            <dd>{settings.dataDir}</dd>
          </dl>
        </section>
      )}
      <UsersPanel />
      <section className="panel" aria-labelledby="look-title">
        <h3 id="look-title">Appearance</h3>
        <button type="button" onClick={toggleTheme}>
          Use {theme === 'light' ? 'dark' : 'light'} theme
        </button>
      </section>
    </section>
  );
}

/** The practice's accounts; shown to those whose role may list them. */
function UsersPanel() {
  const client = useClient();
  const [users, setUsers] = useState<UserView[] | undefined>();

  useEffect(() => {
    client
      .call('users:list', {})
      .then(setUsers)
      .catch(() => setUsers(undefined));
  }, [client]);

  if (!users) return null;
  return (
    <section className="panel" aria-labelledby="users-title">
      <h3 id="users-title">Users</h3>
      <table aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Username</th>
            <th>Role</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.username}</td>
              <td>{u.role}</td>
              <td>{u.disabled ? 'Disabled' : 'Active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
