import { beforeEach, describe, expect, it } from 'vitest';
import { useNavigation } from './navigation';

describe('navigation store', () => {
  beforeEach(() =>
    useNavigation.setState({
      screen: 'today',
      theme: 'light',
      sessionId: undefined,
    }),
  );

  it('starts on Today and moves between screens', () => {
    expect(useNavigation.getState().screen).toBe('today');
    useNavigation.getState().go('billing');
    expect(useNavigation.getState().screen).toBe('billing');
  });

  it('toggles the theme', () => {
    useNavigation.getState().toggleTheme();
    expect(useNavigation.getState().theme).toBe('dark');
    useNavigation.getState().toggleTheme();
    expect(useNavigation.getState().theme).toBe('light');
  });

  it('opens a session on the Session screen unless told otherwise', () => {
    useNavigation.getState().openSession('s1');
    expect(useNavigation.getState()).toMatchObject({
      sessionId: 's1',
      screen: 'session',
    });
    useNavigation.getState().openSession('s2', 'notes');
    expect(useNavigation.getState()).toMatchObject({
      sessionId: 's2',
      screen: 'notes',
    });
  });
});
