import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Segment } from '../../electron/core/domain/transcript';
import { segmentsFromJson } from '../../electron/core/assessments/transcriptFile';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The shared fixtures folder, ../shared/fixtures from the repo root. */
export const FIXTURES = path.resolve(
  here,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
);

export function sessionPath(name: string): string {
  return path.join(FIXTURES, 'sessions', `${name}.json`);
}

export function sessionSegments(name: string): Segment[] {
  return segmentsFromJson(JSON.parse(readFileSync(sessionPath(name), 'utf8')));
}

/** Every US Core example resource in fixtures/fhir/us-core. */
export function usCoreResources(filter = (_name: string) => true): unknown[] {
  const dir = path.join(FIXTURES, 'fhir', 'us-core');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && filter(name))
    .map(
      (name) =>
        JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown,
    );
}
