import path from 'node:path';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import type { MainJobEngines } from '../../electron/core/pipeline/mainJob';
import { decodeAudio } from '../../electron/core/speech/decode';

export const FIXTURES = path.resolve('..', 'shared', 'fixtures');
export const DEMO_FLAC = path.join(FIXTURES, 'sessions', 'cbt-phq9-demo.flac');
export const DEMO_JSON = path.join(FIXTURES, 'sessions', 'cbt-phq9-demo.json');

/**
 * Real decoding, with the fixture's reference utterances standing in for
 * Whisper: for tests of what happens after transcription (access rules,
 * the store, the app), where speech accuracy is not the subject.
 */
export function fixtureEngines(transcriptFile = DEMO_JSON): MainJobEngines {
  return {
    decode: decodeAudio,
    transcribe: (_audio, { onProgress }) => {
      onProgress(1);
      return Promise.resolve(readTranscriptFile(transcriptFile));
    },
  };
}
