import { create } from 'zustand';

export const SCREENS = [
  'today',
  'session',
  'notes',
  'billing',
  'clients',
  'settings',
  'audit',
] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_TITLES: Record<Screen, string> = {
  today: 'Today',
  session: 'Session',
  notes: 'Notes',
  billing: 'Billing',
  clients: 'Clients',
  settings: 'Settings',
  audit: 'Audit',
};

export type Theme = 'light' | 'dark';

interface NavigationState {
  screen: Screen;
  theme: Theme;
  /** The session the Session, Notes and Billing screens show. */
  sessionId: string | undefined;
  go: (screen: Screen) => void;
  /** Opens a session on a screen (Session by default). */
  openSession: (sessionId: string, screen?: Screen) => void;
  toggleTheme: () => void;
}

function initialTheme(): Theme {
  if (typeof matchMedia !== 'function') return 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: 'today',
  theme: initialTheme(),
  sessionId: undefined,
  go: (screen) => set({ screen }),
  openSession: (sessionId, screen = 'session') => set({ sessionId, screen }),
  toggleTheme: () =>
    set((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' })),
}));
