import path from 'node:path';
import { detectAssessments } from '../../electron/core/assessments/detect';
import type { Appointment } from '../../electron/core/domain/appointment';
import type {
  Segment,
  Transcript,
} from '../../electron/core/domain/transcript';
import { readTranscriptFile } from '../../electron/core/drafting/transcriptFile';
import { detectRiskFlags } from '../../electron/core/risk';

/** Shared fixtures live beside the repository (tests read ../shared). */
export const FIXTURES = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
);
export const DEMO_SESSION = path.join(
  FIXTURES,
  'sessions',
  'cbt-phq9-demo.json',
);

export function demoTranscript(): Transcript {
  return readTranscriptFile(DEMO_SESSION);
}

/** The demo session as a 53-minute home video visit (fixtures/SOURCES.md). */
export function demoAppointment(): Appointment {
  const address = {
    line: ['1 Example Way'],
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
  };
  return {
    id: 'appt-demo-1',
    client: {
      id: 'client-demo',
      givenName: 'Jordan',
      familyName: 'Example',
      birthDate: '1990-04-02',
      sex: 'U',
      address,
    },
    clinician: {
      id: 'clin-demo',
      name: 'Sam Rivera',
      npi: '1234567893',
      credential: 'LCSW',
    },
    billingProvider: {
      name: 'Example Counseling',
      npi: '1234567893',
      taxId: '123456789',
      address,
    },
    payer: { id: 'payer-demo', name: 'Example Health', profile: 'medicare' },
    service: 'psychotherapy',
    modality: 'video',
    clientLocation: 'home',
    timeZone: 'America/Chicago',
    scheduledStart: '2026-12-01T16:00:00-06:00',
    scheduledEnd: '2026-12-01T16:53:00-06:00',
    diagnoses: [
      {
        code: 'F33.1',
        display: 'Major depressive disorder, recurrent, moderate',
      },
    ],
    goals: [
      { id: 'g1', text: 'Improve sleep to at least six hours a night' },
      { id: 'g2', text: 'Return to work without calling in sick' },
    ],
  };
}

export function detectorsFor(segments: Segment[]) {
  const assessments = detectAssessments(segments);
  return { assessments, riskFlags: detectRiskFlags(segments, assessments) };
}

/** A long session: the fixtures' utterances repeated with shifted times and fresh ids. */
export function longTranscript(
  minutes: number,
  sources: Transcript[],
): Transcript {
  const segments: Segment[] = [];
  let offset = 0;
  while (offset < minutes * 60) {
    for (const source of sources) {
      for (const s of source.segments) {
        segments.push({
          ...s,
          id: `x${segments.length + 1}`,
          start: s.start + offset,
          end: s.end + offset,
        });
      }
      offset += source.durationSec;
    }
  }
  return {
    durationSec: offset,
    language: 'en',
    segments,
    failedRegions: [],
    silentChannels: [],
  };
}
