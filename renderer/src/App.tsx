import { useEffect, useState } from 'react';
import type { AppInfo } from '../../electron/contract/contract';
import { useClient } from './api/context';
import { CallError } from './api/client';
import { describeError } from './api/errorText';
import {
  SCREEN_TITLES,
  SCREENS,
  useNavigation,
  type Screen,
} from './stores/navigation';
import { AuditScreen } from './screens/AuditScreen';
import { BillingScreen } from './screens/BillingScreen';
import { ClientsScreen } from './screens/ClientsScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { SessionScreen } from './screens/SessionScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { TodayScreen } from './screens/TodayScreen';
import { useCoreEvents } from './api/useCoreEvents';
import { AuthGate, UserBadge } from './components/AuthGate';

export function App() {
  const screen = useNavigation((s) => s.screen);
  const theme = useNavigation((s) => s.theme);
  const go = useNavigation((s) => s.go);
  const toggleTheme = useNavigation((s) => s.toggleTheme);
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [error, setError] = useState<string | undefined>();
  useCoreEvents(client);

  useEffect(() => {
    client
      .call('app:info', {})
      .then(setInfo)
      .catch((e: unknown) => {
        setError(
          e instanceof CallError
            ? describeError(e.info)
            : 'Hushnote is not reachable.',
        );
      });
  }, [client]);

  return (
    <div className={`app theme-${theme}`}>
      <nav className="sidebar" aria-label="Main">
        <h1 className="brand">Hushnote</h1>
        <ul>
          {SCREENS.map((s) => (
            <li key={s}>
              <button
                type="button"
                aria-current={s === screen ? 'page' : undefined}
                onClick={() => go(s)}
              >
                {SCREEN_TITLES[s]}
              </button>
            </li>
          ))}
        </ul>
        <UserBadge />
        <button type="button" className="theme-toggle" onClick={toggleTheme}>
          {theme === 'light' ? 'Dark theme' : 'Light theme'}
        </button>
        <p className="status" role="status">
          {info
            ? `Connected (${info.mode}) v${info.version}`
            : (error ?? 'Connecting…')}
        </p>
      </nav>
      <main className="content">
        <AuthGate>
          <ScreenView screen={screen} />
        </AuthGate>
      </main>
    </div>
  );
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'today':
      return <TodayScreen />;
    case 'session':
      return <SessionScreen />;
    case 'notes':
      return <ReviewScreen />;
    case 'billing':
      return <BillingScreen />;
    case 'clients':
      return <ClientsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'audit':
      return <AuditScreen />;
  }
}
