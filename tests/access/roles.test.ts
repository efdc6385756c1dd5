import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import { listAudit } from '../../electron/core/audit/audit';
import {
  appointmentSchema,
  type Appointment,
} from '../../electron/core/domain/appointment';
import type { Channel } from '../../electron/contract/contract';
import { DEMO_FLAC } from '../support/fixtureEngines';
import { openTestCore } from '../support/testCore';

const PASSWORD = 'correct horse battery';
const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync('resources/samples/cbt-phq9-demo.appointment.json', 'utf8'),
  ),
);

function appointmentFor(clinicianId: string, id: string): Appointment {
  return { ...sample, id, clinician: { ...sample.clinician, id: clinicianId } };
}

describe('access control over the contract (issue #12)', () => {
  let dir: string;
  let core: AppCore;
  let clock = Date.parse('2026-12-03T15:00:00Z');
  const ids: Record<string, string> = {};
  const sessions: Record<string, string> = {};

  const call = (channel: Channel, request: unknown = {}) =>
    core.registry.dispatch(channel, request, { origin: 'bridge' });
  const signIn = async (username: string) => {
    const reply = await call('auth:login', { username, password: PASSWORD });
    expect(reply.ok).toBe(true);
  };
  const denials = () =>
    listAudit(core.store.db, {}).filter((e) => e.action === 'deny');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hushnote-access-'));
    core = await openTestCore(dir, {
      idleMs: 5 * 60_000,
      now: () => clock,
    });

    const setup = await call('auth:setup', {
      username: 'alex',
      displayName: 'Alex Owner',
      password: PASSWORD,
    });
    expect(setup.ok).toBe(true);
    ids['alex'] = core.auth.user!.id;
    for (const [username, role] of [
      ['blake', 'clinician'],
      ['sam', 'supervisor'],
      ['bo', 'biller'],
      ['ada', 'admin'],
    ] as const) {
      const added = await call('users:add', {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
      expect(added).toMatchObject({ ok: true });
      ids[username] = (added as { data: { id: string } }).data.id;
    }
    core.store.repos.users.linkSupervisor(ids['sam']!, ids['alex']);

    const alexSession = await core.sessions.processRecording(
      appointmentFor(ids['alex'], 'appt-alex'),
      DEMO_FLAC,
      { format: 'soap', engine: 'rules' },
    );
    sessions['alex'] = alexSession.summary.id;
    await signIn('blake');
    const blakeSession = await core.sessions.processRecording(
      appointmentFor(ids['blake']!, 'appt-blake'),
      DEMO_FLAC,
      { format: 'soap', engine: 'rules' },
    );
    sessions['blake'] = blakeSession.summary.id;
  });

  afterAll(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses PHI channels before sign-in', async () => {
    await call('auth:logout');
    const reply = await call('session:get', { sessionId: sessions['alex'] });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('gives a biller the codes and claim but not the transcript or note text', async () => {
    await signIn('bo');
    const billing = await call('session:billing', {
      sessionId: sessions['alex'],
    });
    expect(billing.ok).toBe(true);
    const data = (
      billing as {
        data: {
          billing: {
            suggestion: { lines: { cpt: string }[] };
            claimX12: string | null;
          };
        };
      }
    ).data;
    expect(data.billing.suggestion.lines.map((l) => l.cpt)).toContain('90837');
    const claimError = (data.billing as unknown as { claimError: string })
      .claimError;
    expect(data.billing.claimX12 ?? '', claimError).toMatch(/^ISA\*/);
    expect(JSON.stringify(billing)).not.toMatch(
      /thought log|passive|Jordan, thanks/i,
    );

    const before = denials().length;
    const refused = await call('session:get', { sessionId: sessions['alex'] });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const audit = denials();
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)).toMatchObject({
      actor: ids['bo'],
      objectType: 'session',
      objectId: sessions['alex'],
    });
  });

  it("keeps a clinician out of another clinician's client, and audits it", async () => {
    await signIn('blake');
    const own = await call('session:get', { sessionId: sessions['blake'] });
    expect(own.ok).toBe(true);
    const before = denials().length;
    const other = await call('session:get', { sessionId: sessions['alex'] });
    expect(other).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const sign = await call('note:sign', { sessionId: sessions['alex'] });
    expect(sign).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(denials().length).toBe(before + 2);
    const list = await call('session:list');
    expect((list as { data: { id: string }[] }).data.map((s) => s.id)).toEqual([
      sessions['blake'],
    ]);
  });

  it("lets a supervisor read and co-sign only supervised clinicians' notes", async () => {
    await signIn('alex');
    expect((await call('note:sign', { sessionId: sessions['alex'] })).ok).toBe(
      true,
    );
    await signIn('blake');
    expect((await call('note:sign', { sessionId: sessions['blake'] })).ok).toBe(
      true,
    );

    await signIn('sam');
    expect(
      (await call('session:get', { sessionId: sessions['alex'] })).ok,
    ).toBe(true);
    const cosigned = await call('note:cosign', { sessionId: sessions['alex'] });
    expect(cosigned).toMatchObject({
      ok: true,
      data: { cosignedBy: [ids['sam']] },
    });

    const before = denials().length;
    expect(
      await call('session:get', { sessionId: sessions['blake'] }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(
      await call('note:cosign', { sessionId: sessions['blake'] }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(
      await call('note:amend', {
        sessionId: sessions['alex'],
        draft: { format: 'soap', engine: 'rules', sections: [] },
        reason: 'edit',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(denials().length).toBe(before + 3);
  });

  it('gives an admin no clinical content by default', async () => {
    await signIn('ada');
    expect(
      await call('session:get', { sessionId: sessions['alex'] }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(
      await call('session:billing', { sessionId: sessions['alex'] }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('locks after the idle time and refuses PHI until unlock', async () => {
    await signIn('alex');
    expect(
      (await call('session:get', { sessionId: sessions['alex'] })).ok,
    ).toBe(true);
    clock += 5 * 60_000 + 1;
    expect(
      await call('session:get', { sessionId: sessions['alex'] }),
    ).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(await call('session:list')).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    expect(
      await call('auth:unlock', { password: 'wrong password!' }),
    ).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect((await call('auth:unlock', { password: PASSWORD })).ok).toBe(true);
    expect(
      (await call('session:get', { sessionId: sessions['alex'] })).ok,
    ).toBe(true);
  });

  it('allows time-limited break-glass reads with a reason, audited', async () => {
    await signIn('blake');
    expect(await call('auth:breakGlass', { reason: 'short' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(
      (
        await call('auth:breakGlass', {
          reason: 'Client in crisis, covering clinician unavailable',
        })
      ).ok,
    ).toBe(true);
    expect(
      (await call('session:get', { sessionId: sessions['alex'] })).ok,
    ).toBe(true);
    expect(
      await call('note:edit', {
        sessionId: sessions['alex'],
        draft: { format: 'soap', engine: 'rules', sections: [] },
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const glass = listAudit(core.store.db, {}).filter(
      (e) => e.action === 'break_glass' && e.objectId === sessions['alex'],
    );
    expect(glass.length).toBeGreaterThan(0);
    clock += 61 * 60_000;
    await call('auth:unlock', { password: PASSWORD });
    expect(
      await call('session:get', { sessionId: sessions['alex'] }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
