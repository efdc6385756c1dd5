import { useEffect } from 'react';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { useSettings } from '../stores/settings';
import { useNavigation } from '../stores/navigation';
import { ModelsPanel } from './SettingsModels';
import { PracticePanel } from './SettingsPractice';
import { UsersPanel } from './SettingsUsers';

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
      <UsersPanel settings={settings} />
      <section className="panel" aria-labelledby="look-title">
        <h3 id="look-title">Appearance</h3>
        <button type="button" onClick={toggleTheme}>
          Use {theme === 'light' ? 'dark' : 'light'} theme
        </button>
      </section>
    </section>
  );
}
