import { describe, expect, it } from 'vitest';
import { CaptureMachine } from './captureMachine';

describe('capture machine', () => {
  it('walks idle -> preparing -> recording <-> paused -> finalizing -> saved', () => {
    const m = new CaptureMachine();
    for (const s of [
      'preparing',
      'recording',
      'paused',
      'recording',
      'finalizing',
      'saved',
    ] as const)
      m.to(s);
    expect(m.state).toBe('saved');
    m.to('preparing');
    expect(m.state).toBe('preparing');
  });

  it('refuses moves that would lose or skip the recording', () => {
    const m = new CaptureMachine();
    expect(() => m.to('recording')).toThrow(/idle to recording/);
    m.to('preparing');
    m.to('recording');
    expect(m.can('saved')).toBe(false);
    expect(m.can('idle')).toBe(false);
    expect(m.live).toBe(true);
  });
});
