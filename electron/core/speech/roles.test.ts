import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { parseChannels, rolesFor } from './roles';

describe('roles', () => {
  it('maps mic to clinician and system to client, in any order', () => {
    expect(rolesFor(2, parseChannels('mic,system'))).toEqual([
      'clinician',
      'client',
    ]);
    expect(rolesFor(2, parseChannels('system, mic'))).toEqual([
      'client',
      'clinician',
    ]);
  });

  it('gives unknown for mono and the capture layout for unmapped stereo', () => {
    expect(rolesFor(1, undefined)).toEqual(['unknown']);
    expect(rolesFor(2, undefined)).toEqual(['clinician', 'client']);
  });

  it('rejects unknown names and a mapping of the wrong length', () => {
    expect(() => parseChannels('mic,speaker')).toThrow(AppError);
    expect(() => rolesFor(1, ['mic', 'system'])).toThrow(/1 channel/);
  });
});
