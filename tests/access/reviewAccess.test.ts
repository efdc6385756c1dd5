import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/contract/contract';
import type { AppCore } from '../../electron/core/app/appCore';
import { listAudit } from '../../electron/core/audit/audit';
import { appointmentSchema } from '../../electron/core/domain/appointment';
import { DEMO_FLAC } from '../support/fixtureEngines';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';
const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

describe('who may hear the evidence and redraft the note (issue #10)', () => {
  let dir: string;
  let core: AppCore;
  let sessionId: string;
  const ids: Record<string, string> = {};

  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });
  const signIn = async (username: string) => {
    const reply = await call('auth:login', { username, password: PASSWORD });
    expect(reply.ok).toBe(true);
  };
  const clip = { start: 20, end: 24 };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-review-access-'));
    core = await openTestCore(dir);
    await call('auth:setup', {
      username: 'alex',
      displayName: 'Alex Owner',
      password: PASSWORD,
    });
    ids['alex'] = core.auth.user?.id ?? '';
    for (const [username, role] of [
      ['blake', 'clinician'],
      ['bo', 'biller'],
    ] as const) {
      const added = await call('users:add', {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
      expect(added.ok).toBe(true);
    }
    const detail = await core.sessions.processRecording(
      { ...sample, clinician: { ...sample.clinician, id: ids['alex'] } },
      DEMO_FLAC,
      { format: 'soap', engine: 'rules' },
    );
    sessionId = detail.summary.id;
  });

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a biller and another clinician, and audits each refusal', async () => {
    for (const user of ['bo', 'blake']) {
      await signIn(user);
      const heard = await call('session:audioClip', { sessionId, ...clip });
      expect(heard).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      const redrafted = await call('note:redraft', {
        sessionId,
        format: 'birp',
      });
      expect(redrafted).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    const denials = listAudit(core.store.db, {}).filter(
      (e) => e.action === 'deny' && e.objectId === sessionId,
    );
    expect(denials.length).toBeGreaterThanOrEqual(4);
  });

  it('lets the rendering clinician hear it, audited as a read of the audio', async () => {
    await signIn('alex');
    const heard = await call('session:audioClip', { sessionId, ...clip });
    expect(heard).toMatchObject({
      ok: true,
      data: { mimeType: 'audio/wav', start: 20, end: 24 },
    });
    const reads = listAudit(core.store.db, {}).filter(
      (e) => e.action === 'read' && e.objectType === 'audio',
    );
    expect(reads.map((e) => e.actor)).toEqual([ids['alex']]);

    const redrafted = await call('note:redraft', { sessionId, format: 'dap' });
    expect(redrafted).toMatchObject({
      ok: true,
      data: { status: 'edited', draft: { format: 'dap' } },
    });
  });
});
