import { AppError } from '../../contract/errors';
import type { Role } from '../domain/transcript';

/** What a recording channel carries: the clinician's microphone or the call's audio. */
export type ChannelSource = 'mic' | 'system';

const ROLE_OF: Record<ChannelSource, Role> = {
  mic: 'clinician',
  system: 'client',
};

/** Parses `mic,system` (CLI) into channel sources; throws `invalid_request`. */
export function parseChannels(value: string): ChannelSource[] {
  const parts = value.split(',').map((p) => p.trim().toLowerCase());
  for (const part of parts) {
    if (part !== 'mic' && part !== 'system') {
      throw new AppError(
        'invalid_request',
        `Unknown channel '${part}': use mic or system, e.g. mic,system.`,
      );
    }
  }
  return parts as ChannelSource[];
}

/**
 * Roles per channel. Mono is `unknown` (diarization is a later issue);
 * a mapping must name every channel of the recording.
 */
export function rolesFor(
  channelCount: number,
  sources: readonly ChannelSource[] | undefined,
): Role[] {
  if (!sources) {
    return channelCount === 1 ? ['unknown'] : defaultStereo(channelCount);
  }
  if (sources.length !== channelCount) {
    throw new AppError(
      'invalid_request',
      `The recording has ${channelCount} channel(s) but the mapping names ${sources.length}.`,
    );
  }
  return sources.map((s) => ROLE_OF[s]);
}

/** Hushnote's own captures put the mic left and the call audio right. */
function defaultStereo(channelCount: number): Role[] {
  if (channelCount === 2) return ['clinician', 'client'];
  return Array.from({ length: channelCount }, () => 'unknown' as const);
}
