import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/contract/contract';
import type { AppCore } from '../../electron/core/app/appCore';
import { listAudit } from '../../electron/core/audit/audit';
import { RetentionPolicies } from '../../electron/core/retention/policy';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';

/**
 * Issue #12 over the settings and model channels: only an administrator,
 * or the owner of a practice without one, changes them; a clinician is
 * refused with `forbidden` and the refusal is audited.
 */
describe('practice settings and models need an administrator', () => {
  let dir: string;
  let core: AppCore;
  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });
  const signIn = async (username: string) => {
    await call('auth:logout');
    const reply = await call('auth:login', { username, password: PASSWORD });
    expect(reply.ok).toBe(true);
  };
  const denials = (what: string) =>
    listAudit(core.store.db, {}).filter(
      (e) =>
        e.action === 'deny' &&
        e.objectType === 'capability' &&
        e.objectId === what,
    );
  const retention = () => new RetentionPolicies(core.store.db).get('default');

  const changes = {
    'settings:retention': { transcriptDays: 7, audioOnSign: 'keep' },
    'models:ensure': { name: 'tiny.en' },
    'models:import': { fileName: 'model.bin', base64: 'AAAAAAAA' },
    'models:cancel': { name: 'tiny.en' },
  } as const;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-admin-'));
    core = await openTestCore(dir);
    await call('auth:setup', {
      username: 'alex',
      displayName: 'Alex Owner',
      password: PASSWORD,
    });
    for (const [username, role] of [
      ['blake', 'clinician'],
      ['ada', 'admin'],
    ] as const) {
      const added = await call('users:add', {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
      expect(added.ok).toBe(true);
    }
  });

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses each change to a clinician who is not the owner, audited', async () => {
    await signIn('blake');
    const before = retention();
    for (const [channel, request] of Object.entries(changes)) {
      const reply = await call(channel as Channel, request);
      expect(reply, channel).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect(denials(channel), channel).toHaveLength(1);
    }
    expect(retention()).toEqual(before);
  });

  it('lets the owner change retention, and audits the change', async () => {
    await signIn('alex');
    const reply = await call('settings:retention', {
      transcriptDays: 14,
      audioOnSign: 'delete',
    });
    expect(reply).toEqual({
      ok: true,
      data: { transcriptDays: 14, audioOnSign: 'delete' },
    });
    expect(retention().transcriptDays).toBe(14);
    const changed = listAudit(core.store.db, {
      objectType: 'retention_policy',
    });
    expect(changed.map((e) => [e.action, e.actor])).toEqual([
      ['policy_change', core.auth.user?.id],
    ]);
  });

  it('lets an administrator through to the model manager', async () => {
    await signIn('ada');
    const missing = await call('models:ensure', { name: 'no-such-model' });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const junk = await call('models:import', changes['models:import']);
    expect(junk.ok).toBe(false);
    expect(junk).not.toMatchObject({ error: { kind: 'forbidden' } });
    expect(denials('models:import')).toHaveLength(1);
  });
});
