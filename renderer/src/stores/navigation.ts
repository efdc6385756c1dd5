import { create } from 'zustand';

export const SCREENS = ['today', 'session', 'notes', 'billing', 'clients', 'settings', 'audit'] as const;
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

interface NavigationState {
  screen: Screen;
  theme: 'light' | 'dark';
  go: (screen: Screen) => void;
  toggleTheme: () => void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: 'today',
  theme: 'light',
  go: (screen) => set({ screen }),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' })),
}));
