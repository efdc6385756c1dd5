import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openEhr,
  type EhrTarget,
} from '../../electron/core/delivery/ehrTarget';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { PassphraseKeyStore } from '../../electron/core/keys/passphraseKeyStore';
import { realEngines } from '../../electron/core/pipeline/realEngines';
import { createSessionService } from '../../electron/core/services/sessionService';
import {
  openStoreHandle,
  type StoreHandle,
} from '../../electron/core/services/storeHandle';
import type { SessionService } from '../../electron/core/services/types';
import { FIXTURES } from '../support/fixtureEngines';
import { roleAccuracy, type ReferenceUtterance } from './roleAccuracy';

const appointment = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

/** The main job on real recordings with the real fixture models (issue #11). */
describe('the main job with real models', () => {
  let dir: string;
  let store: StoreHandle;
  let ehr: EhrTarget;
  let service: SessionService;
  const engines = realEngines({ threads: 2 });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-main-'));
    store = await openStoreHandle({
      dataDir: dir,
      keyStore: new PassphraseKeyStore(
        path.join(dir, 'keys.json'),
        'main passphrase',
        { N: 2 ** 12, r: 8, p: 1 },
      ),
    });
    ehr = await openEhr('sandbox', store);
    service = createSessionService({
      store,
      engines,
      actor: () => appointment.clinician.id,
      delivery: ehr.delivery,
    });
  });

  afterAll(async () => {
    await engines.dispose();
    await ehr.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps at least 90% of reference words in the right role on mi-session-medium', async () => {
    const reference = JSON.parse(
      readFileSync(
        path.join(FIXTURES, 'sessions', 'mi-session-medium.json'),
        'utf8',
      ),
    ) as { utterances: ReferenceUtterance[] };
    const detail = await service.processRecording(
      { ...appointment, id: 'appt-mi-medium', service: 'psychotherapy' },
      path.join(FIXTURES, 'sessions', 'mi-session-medium.flac'),
      { format: 'dap', engine: 'rules' },
    );
    const result = roleAccuracy(
      reference.utterances,
      detail.transcript?.segments ?? [],
    );
    console.log(
      `mi-session-medium roles: ${result.right} right, ${result.wrong} wrong (${(result.accuracy * 100).toFixed(1)}%)`,
    );
    expect(result.right).toBeGreaterThan(200);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
