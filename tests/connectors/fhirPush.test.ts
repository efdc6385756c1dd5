import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../electron/core/connectors/createConnector';
import { pushSession } from '../../electron/core/connectors/pushSession';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { buildSessionBundle } from '../../electron/core/fhir/buildSessionBundle';
import {
  bundleErrors,
  structureErrors,
} from '../../electron/core/fhir/validateFhir';
import type {
  DocumentReference,
  Encounter,
  Observation,
} from '@medplum/fhirtypes';
import { demoSession } from './demoSession';

const RECIPIENT = { name: 'Sandbox EHR', class: 'treating-providers' as const };

describe('FHIR R4 push of the demo session', () => {
  let server: SandboxFhirServer;
  beforeAll(async () => {
    server = await startSandboxFhirServer();
  });
  afterAll(() => server.close());

  const connector = () =>
    createConnector({
      kind: 'fhir-r4',
      id: 'sandbox',
      name: 'Sandbox EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: RECIPIENT,
    });

  it('builds a bundle whose every resource is valid R4', () => {
    expect(bundleErrors(buildSessionBundle(demoSession()))).toEqual([]);
  });

  it('creates exactly one of each resource, all valid, and a replay changes nothing', async () => {
    const first = await pushSession(connector(), demoSession());
    const counts = server.counts();
    expect(counts).toMatchObject({
      Patient: 1,
      Encounter: 1,
      DocumentReference: 1,
      Composition: 1,
      QuestionnaireResponse: 1,
      Claim: 1,
      Provenance: 1,
      Condition: 2,
    });
    const observations = server.resources<Observation>('Observation');
    // PHQ-9: panel + 9 items + total.
    expect(observations.length).toBe(11);
    expect(first.created).toBeGreaterThan(0);

    for (const type of Object.keys(counts)) {
      for (const r of server.resources(type as 'Patient'))
        expect(structureErrors(r)).toEqual([]);
    }

    const second = await pushSession(connector(), demoSession());
    expect(second.created).toBe(0);
    expect(server.counts()).toEqual(counts);
    expect(second.locations).toEqual(first.locations);
  });

  it('writes the encounter and note as an EHR expects them', () => {
    const [encounter] = server.resources<Encounter>('Encounter');
    expect(encounter?.class.code).toBe('VR');
    expect(encounter?.period?.start).toBe('2026-11-03T15:00:00-06:00');
    expect(encounter?.length).toMatchObject({ value: 53, code: 'min' });

    const [doc] = server.resources<DocumentReference>('DocumentReference');
    expect(doc?.type?.coding?.[0]?.code).toBe('34904-3');
    expect(doc?.docStatus).toBe('final');
    expect(doc?.context?.encounter?.[0]?.reference).toBe(
      `Encounter/${encounter?.id}`,
    );
    const types = doc?.content.map((c) => c.attachment.contentType);
    expect(types).toEqual(['text/plain; charset=utf-8', 'application/pdf']);
    const pdf = Buffer.from(doc?.content[1]?.attachment.data ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const panel = server
      .resources<Observation>('Observation')
      .find((o) => o.code.coding?.[0]?.code === '44261-6');
    expect(panel?.valueQuantity?.value ?? panel?.valueInteger).toBe(15);
  });

  it('maps the document type per EHR', async () => {
    const starterSet = createConnector({
      kind: 'fhir-r4',
      id: 'starter',
      name: 'Starter-set EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: RECIPIENT,
      documentType: {
        system: 'http://loinc.org',
        code: '11506-3',
        display: 'Progress note',
      },
    });
    await pushSession(
      starterSet,
      demoSession({ sessionId: 'session-starter' }),
    );
    const doc = server
      .resources<DocumentReference>('DocumentReference')
      .find((d) => d.identifier?.[0]?.value === 'note-session-starter');
    expect(doc?.type?.coding?.[0]?.code).toBe('11506-3');
  });

  it('reports a connection dropped before the EHR read it as unreachable', async () => {
    const before = server.counts();
    server.faults.failNext(1, 'drop-before');
    await expect(
      pushSession(connector(), demoSession({ sessionId: 'session-dropped' })),
    ).rejects.toMatchObject({ kind: 'ehr_unreachable' });
    expect(server.counts()).toEqual(before);
  });
});
