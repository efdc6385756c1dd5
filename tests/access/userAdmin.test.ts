import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, UserView } from '../../electron/contract/contract';
import type { AppCore } from '../../electron/core/app/appCore';
import { listAudit } from '../../electron/core/audit/audit';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';

/**
 * Issue #12 over the user channels: only an administrator, or the owner,
 * adds, disables and re-enables accounts. A disabled account cannot sign
 * in and its open session ends; nobody disables themself or the owner.
 * Every change and every refusal is in the audit trail.
 */
describe('managing users', () => {
  let dir: string;
  let core: AppCore;
  const ids = new Map<string, string>();
  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });
  const login = (username: string) =>
    call('auth:login', { username, password: PASSWORD });
  const signIn = async (username: string) => {
    await call('auth:logout');
    expect((await login(username)).ok, username).toBe(true);
  };
  const add = (username: string, role: string) =>
    call('users:add', {
      username,
      displayName: `Test ${username}`,
      role,
      password: PASSWORD,
    });
  const setDisabled = (username: string, disabled: boolean) =>
    call('users:setDisabled', { userId: ids.get(username), disabled });
  const audited = (objectId: string) =>
    listAudit(core.store.db, { objectType: 'user', objectId }).map((e) => ({
      action: e.action,
      actor: e.actor,
      detail: e.detail,
    }));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-users-'));
    core = await openTestCore(dir);
    await call('auth:setup', {
      username: 'owen',
      displayName: 'Test Owner',
      password: PASSWORD,
    });
    ids.set('owen', core.auth.user?.id ?? '');
  });

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the owner add an administrator and a clinician, audited', async () => {
    for (const [username, role] of [
      ['ada', 'admin'],
      ['cleo', 'clinician'],
      ['cruz', 'clinician'],
    ] as const) {
      const reply = await add(username, role);
      expect(reply).toMatchObject({
        ok: true,
        data: { username, role, disabled: false },
      });
      if (reply.ok) ids.set(username, (reply.data as UserView).id);
    }
    const taken = await add('cleo', 'biller');
    expect(taken).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'That username is already taken.' },
    });
    expect(audited(ids.get('cleo') ?? '')).toEqual([
      { action: 'create', actor: ids.get('owen'), detail: null },
    ]);
  });

  it('refuses a clinician who adds or disables a user, audited', async () => {
    await signIn('cleo');
    const forbidden = { ok: false, error: { kind: 'forbidden' } };
    expect(await add('dana', 'admin')).toMatchObject(forbidden);
    expect(await setDisabled('cruz', true)).toMatchObject(forbidden);

    const denials = listAudit(core.store.db, {
      objectType: 'capability',
      objectId: 'users',
    }).filter((e) => e.action === 'deny' && e.actor === ids.get('cleo'));
    expect(denials).toHaveLength(2);
    expect(core.store.repos.users.findByUsername('dana')).toBeNull();
    expect(core.store.repos.users.require(ids.get('cruz') ?? '')).toMatchObject(
      { disabledAt: null },
    );
  });

  it('lets an administrator disable a clinician, who then cannot sign in', async () => {
    await signIn('ada');
    const reply = await setDisabled('cleo', true);
    expect(reply).toMatchObject({
      ok: true,
      data: { username: 'cleo', disabled: true },
    });
    const listed = await call('users:list');
    expect(listed.ok && (listed.data as UserView[])).toContainEqual(
      expect.objectContaining({ username: 'cleo', disabled: true }),
    );

    await call('auth:logout');
    expect(await login('cleo')).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    expect(audited(ids.get('cleo') ?? '')).toContainEqual({
      action: 'update',
      actor: ids.get('ada'),
      detail: { disabled: true },
    });
  });

  it('lets the clinician sign in again once re-enabled', async () => {
    await signIn('ada');
    expect(await setDisabled('cleo', false)).toMatchObject({
      ok: true,
      data: { disabled: false },
    });
    await signIn('cleo');
    expect(core.auth.user?.username).toBe('cleo');
    expect(audited(ids.get('cleo') ?? '').at(-2)).toEqual({
      action: 'update',
      actor: ids.get('ada'),
      detail: { disabled: false },
    });
  });

  it('ends the open session of a user disabled elsewhere', async () => {
    await signIn('cruz');
    // Another window on the same store disables the account.
    core.store.repos.users.disable(ids.get('cruz') ?? '');

    expect(await call('session:list')).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    expect(core.auth.user).toBeNull();
    expect(audited(ids.get('cruz') ?? '').at(-1)).toEqual({
      action: 'logout',
      actor: ids.get('cruz'),
      detail: { reason: 'disabled' },
    });
    core.store.repos.users.enable(ids.get('cruz') ?? '');
  });

  it('refuses to disable oneself or the owner, audited', async () => {
    await signIn('ada');
    expect(await setDisabled('ada', true)).toEqual({
      ok: false,
      error: {
        kind: 'forbidden',
        message: 'You cannot disable your own account.',
      },
    });
    expect(await setDisabled('owen', true)).toEqual({
      ok: false,
      error: {
        kind: 'forbidden',
        message: 'The practice owner cannot be disabled.',
      },
    });
    await signIn('owen');
    expect(await setDisabled('owen', true)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });

    const refusals = (username: string) =>
      audited(ids.get(username) ?? '').filter((e) => e.action === 'deny');
    expect(refusals('ada')).toEqual([
      {
        action: 'deny',
        actor: ids.get('ada'),
        detail: { disabled: true, reason: 'self' },
      },
    ]);
    expect(refusals('owen').map((e) => e.detail?.['reason'])).toEqual([
      'owner',
      'self',
    ]);
    for (const username of ['ada', 'owen']) {
      expect((await login(username)).ok, username).toBe(true);
    }
  });
});
