/** Who spoke a segment. Stereo captures know it from the channel. */
export type Role = 'clinician' | 'client' | 'unknown';

/**
 * One finalized stretch of speech. Times are seconds from the start of the
 * recording (monotonic across chunks); `channel` is the source channel index.
 */
export interface Segment {
  id: string;
  start: number;
  end: number;
  role: Role;
  channel: number;
  text: string;
  /** 0..1, from the recognizer's token probabilities. */
  confidence: number;
}

/** A speech region the recognizer could not transcribe; never dropped silently. */
export interface FailedRegion {
  start: number;
  end: number;
  channel: number;
  reason: string;
}

export interface Transcript {
  durationSec: number;
  language: string;
  segments: Segment[];
  failedRegions: FailedRegion[];
  /** Channels that held no speech at all (wrong device, muted mic). */
  silentChannels: number[];
}

export function emptyTranscript(durationSec = 0): Transcript {
  return {
    durationSec,
    language: 'en',
    segments: [],
    failedRegions: [],
    silentChannels: [],
  };
}
