import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Composition,
  Consent,
  DocumentReference,
  Resource,
} from '@medplum/fhirtypes';
import { AppError } from '../../electron/contract/errors';
import { verifyAudit } from '../../electron/core/audit/audit';
import { createConnector } from '../../electron/core/connectors/createConnector';
import { pushSession } from '../../electron/core/connectors/pushSession';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { AuditDisclosureLog } from '../../electron/core/part2/disclosureLog';
import { hasPart2Labels } from '../../electron/core/part2/part2Labels';
import { PART2_NOTICE_FULL } from '../../electron/core/part2/part2Notice';
import {
  openTestDatabase,
  type TestDatabase,
} from '../../electron/core/store/testDb';
import { demoAppointment, demoPart2Consent, demoSession } from './demoSession';

const RECIPIENT = { name: 'Sandbox EHR', class: 'treating-providers' as const };

function part2Session(withConsent: boolean) {
  const base = demoAppointment();
  const appointment = {
    ...base,
    client: {
      ...base.client,
      id: 'client-part2',
      part2Program: 'Springfield SUD program',
    },
  };
  return demoSession({
    sessionId: `session-part2-${withConsent ? 'consented' : 'none'}`,
    appointment,
    part2: {
      program: 'Springfield SUD program',
      ...(withConsent ? { consent: demoPart2Consent() } : {}),
    },
  });
}

describe('42 CFR Part 2 pushes', () => {
  let server: SandboxFhirServer;
  let store: TestDatabase;
  const now = () => new Date('2026-11-03T22:10:00Z');

  beforeAll(async () => {
    server = await startSandboxFhirServer();
    store = openTestDatabase();
  });
  afterAll(async () => {
    await server.close();
    store.dispose();
  });
  const connector = () =>
    createConnector({
      kind: 'fhir-r4',
      id: 'sandbox',
      name: 'Sandbox EHR',
      baseUrl: server.baseUrl,
      auth: { type: 'none' },
      recipient: RECIPIENT,
    });

  it('refuses a Part 2 client without consent, says why, and sends nothing', async () => {
    const disclosures = new AuditDisclosureLog(store.db);
    const push = pushSession(connector(), part2Session(false), {
      disclosures,
      now,
    });
    await expect(push).rejects.toThrow(AppError);
    await expect(push).rejects.toMatchObject({
      kind: 'consent_required',
      message:
        'Push blocked: no 42 CFR Part 2 consent is on file for this client.',
    });
    expect(server.requests()).toEqual([]);
    expect(server.counts()).toEqual({});
    expect(disclosures.listForClient('client-part2')).toEqual([]);
  });

  it('refuses when the consent does not name this recipient', async () => {
    const input = part2Session(true);
    input.part2 = {
      program: 'x',
      consent: demoPart2Consent({ recipients: [{ class: 'health-plans' }] }),
    };
    await expect(
      pushSession(connector(), input, { now }),
    ).rejects.toMatchObject({
      kind: 'consent_required',
      message: expect.stringContaining('does not name Sandbox EHR') as string,
    });
    expect(server.requests()).toEqual([]);
  });

  it('with consent: every client resource carries the labels, the note the notice', async () => {
    const disclosures = new AuditDisclosureLog(store.db);
    await pushSession(connector(), part2Session(true), { disclosures, now });

    const labelled: Resource[] = [
      'Patient',
      'Encounter',
      'Condition',
      'DocumentReference',
      'Composition',
      'QuestionnaireResponse',
      'Observation',
      'Claim',
      'Consent',
      'Provenance',
      'Coverage',
    ].flatMap((t) => server.resources(t as 'Patient'));
    expect(labelled.length).toBeGreaterThan(20);
    for (const r of labelled)
      expect(hasPart2Labels(r), r.resourceType).toBe(true);
    const codes = labelled[0]?.meta?.security?.map((s) => s.code);
    expect(codes).toEqual(
      expect.arrayContaining(['R', '42CFRPart2', 'NORDSCLCD']),
    );

    const [doc] = server.resources<DocumentReference>('DocumentReference');
    const text = Buffer.from(
      doc?.content[0]?.attachment.data ?? '',
      'base64',
    ).toString('utf8');
    expect(text.startsWith(PART2_NOTICE_FULL)).toBe(true);
    expect(text).toContain('Scope of consent consent-demo-part2');
    const [composition] = server.resources<Composition>('Composition');
    expect(composition?.section?.at(-1)?.title).toBe('42 CFR Part 2 notice');
    const [consent] = server.resources<Consent>('Consent');
    expect(consent?.policy?.[0]?.uri).toContain('part-2');
  });

  it('audits the disclosure and lists it for the client', () => {
    const list = new AuditDisclosureLog(store.db).listForClient('client-part2');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      sessionId: 'session-part2-consented',
      connectorId: 'sandbox',
      recipient: RECIPIENT,
      purposes: ['treatment', 'payment'],
      information: ['progress-notes', 'assessments', 'diagnoses', 'claims'],
      consentId: 'consent-demo-part2',
      at: '2026-11-03T22:10:00.000Z',
    });
    // Recorded in the hash-chained audit log, whose chain still verifies.
    expect(verifyAudit(store.db)).toMatchObject({ ok: true, count: 1 });
  });
});
