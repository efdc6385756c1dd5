import { useEffect, useState } from 'react';
import type { UserView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { useSettings } from '../stores/settings';
import { useNavigation } from '../stores/navigation';
import { ModelsPanel } from './SettingsModels';
import { PracticePanel } from './SettingsPractice';

/**
 * Settings: speech models (download with progress and cancel, import),
 * the practice (EHR check, payers, retention), users and the theme.
 */
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
      <ModelsPanel settings={settings} models={models} />
      {settings && <PracticePanel settings={settings} />}
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
