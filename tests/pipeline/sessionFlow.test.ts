import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../electron/core/connectors/createConnector';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { createOutboxDelivery } from '../../electron/core/delivery/outboxDelivery';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { check837P } from '../../electron/core/billing/x12/check837P';
import { createSessionService } from '../../electron/core/services/sessionService';
import {
  openStoreHandle,
  type StoreHandle,
} from '../../electron/core/services/storeHandle';
import type { SessionService } from '../../electron/core/services/types';
import { StepError } from '../../electron/core/pipeline/stepError';
import { DEMO_FLAC, fixtureEngines } from '../support/fixtureEngines';

const appointment = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

describe('the session workflow against a sandbox EHR (issue #11)', () => {
  let dir: string;
  let store: StoreHandle;
  let ehr: SandboxFhirServer;
  let service: SessionService;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-flow-'));
    store = await openStoreHandle({
      dataDir: dir,
      keyStore: new PassphraseKeyStore(
        path.join(dir, 'keys.json'),
        'flow passphrase',
        { N: 2 ** 12, r: 8, p: 1 },
      ),
    });
    ehr = await startSandboxFhirServer();
    const connector = createConnector({
      kind: 'fhir-r4',
      id: 'sandbox',
      name: 'Sandbox',
      baseUrl: ehr.baseUrl,
      auth: { type: 'none' },
      recipient: { name: 'Sandbox EHR', class: 'treating-providers' },
    });
    service = createSessionService({
      store,
      engines: fixtureEngines(),
      actor: () => appointment.clinician.id,
      delivery: createOutboxDelivery(store, connector),
    });
  });

  afterAll(async () => {
    await ehr.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drafts, bills, signs and delivers exactly once', async () => {
    const steps: string[] = [];
    const detail = await service.processRecording(appointment, DEMO_FLAC, {
      format: 'birp',
      engine: 'rules',
      onProgress: (step) => {
        if (steps.at(-1) !== step) steps.push(step);
      },
    });
    expect(steps).toEqual(['decode', 'transcribe', 'assess', 'draft', 'bill']);
    const phq9 = detail.assessments.find((a) => a.instrumentId === 'phq9');
    expect(phq9).toMatchObject({ total: 15 });
    expect(detail.riskFlags.some((f) => f.type === 'phq9_item9')).toBe(true);
    const lines = detail.billing?.suggestion.lines ?? [];
    expect(lines[0]).toMatchObject({ cpt: '90837', pos: '10' });
    expect(check837P(detail.billing?.claimX12 ?? '').problems).toEqual([]);

    const sessionId = detail.summary.id;
    service.signNote(sessionId, {
      id: appointment.clinician.id,
      name: appointment.clinician.name,
    });
    const first = await service.deliver(sessionId);
    expect(first.map((d) => d.status)).toEqual(['delivered']);
    expect(ehr.counts()['DocumentReference']).toBe(1);
    const before = ehr.counts();

    const again = await service.deliver(sessionId);
    expect(again.map((d) => d.status)).toEqual(['delivered']);
    expect(ehr.counts()).toEqual(before);
  });

  it('fails a corrupt recording at decode and leaves no session behind', async () => {
    const bad = path.join(dir, 'corrupt.flac');
    writeFileSync(bad, readFileSync(DEMO_FLAC).subarray(0, 2000));
    const before = service.listSessions().length;
    const error = await service
      .processRecording({ ...appointment, id: 'appt-corrupt' }, bad, {
        format: 'soap',
        engine: 'rules',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).step).toBe('decode');
    expect((error as StepError).message).toMatch(/^decode step failed: /);
    expect(service.listSessions().length).toBe(before);
  });
});
