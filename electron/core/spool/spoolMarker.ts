/** Interleaved PCM sample layouts the spool stores as they arrive. */
export type SampleFormat = 's16le' | 'f32le';

/** The session marker, written first: a folder with it and no CLOSED_FILE was interrupted. */
export interface SpoolMarker {
  format: 'hushnote-spool';
  version: 1;
  spoolId: string;
  sessionId: string;
  sampleRate: number;
  channels: number;
  sampleFormat: SampleFormat;
  startedAt: string;
}

export const MARKER_FILE = 'session.json';
export const CLOSED_FILE = 'closed.json';
