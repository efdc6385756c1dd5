import type { Role, Segment } from '../domain/transcript';

/**
 * Builds a transcript from [role, text] turns for tests: ids s1, s2, ...,
 * five seconds apart, clinician on channel 0 and client on channel 1.
 */
export function conversation(
  turns: [Role, string][],
  confidence = 0.95,
): Segment[] {
  return turns.map(([role, text], position) => ({
    id: `s${position + 1}`,
    start: position * 5,
    end: position * 5 + 4,
    role,
    channel: role === 'client' ? 1 : 0,
    text,
    confidence,
  }));
}
