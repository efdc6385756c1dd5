import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check837P } from '../../electron/core/billing/x12/check837P';
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
import { DEMO_FLAC } from '../support/fixtureEngines';

const appointment = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

/** The main job on real recordings with the real fixture models (issue #11). */
describe('the main job with real models: the demo', () => {
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

  it('turns the demo recording into PHQ-9 15, a risk section, 90837 telehealth and one DocumentReference', async () => {
    const detail = await service.processRecording(appointment, DEMO_FLAC, {
      format: 'soap',
      engine: 'llm',
    });

    const phq9 = detail.assessments.find((a) => a.instrumentId === 'phq9');
    expect(phq9?.answers.slice(0, 9)).toEqual([2, 3, 3, 2, 1, 2, 1, 0, 1]);
    expect(phq9).toMatchObject({ total: 15, severity: 'moderately severe' });
    expect(detail.riskFlags.map((f) => f.type)).toContain('phq9_item9');

    const risk = detail.note?.draft.sections.find(
      (s) => /risk/i.test(s.id) || /risk/i.test(s.title),
    );
    const riskText =
      detail.note?.draft.sections
        .flatMap((s) => s.sentences.map((x) => x.text))
        .join(' ') ?? '';
    expect(risk ?? riskText).toBeTruthy();
    expect(riskText).toMatch(/suicid|death|dead|hurt/i);

    const line = detail.billing?.suggestion.lines[0];
    expect(line).toMatchObject({ cpt: '90837', pos: '10' });
    // Medicare home video: POS 10 alone, no 95 (DOMAIN.md, telehealth table).
    expect(line?.modifiers).toEqual([]);

    service.signNote(detail.summary.id, {
      id: appointment.clinician.id,
      name: appointment.clinician.name,
    });
    const claim = service.getSession(detail.summary.id).billing?.claimX12 ?? '';
    expect(check837P(claim).problems).toEqual([]);
    await service.deliver(detail.summary.id);
    expect((await ehr.describe()).join(' ')).toMatch(/DocumentReference 1\b/);
  });
});
