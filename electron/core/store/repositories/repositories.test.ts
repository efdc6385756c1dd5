import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../paths';
import { appointmentSchema } from '../../domain/appointment';
import { openTestDatabase, seedSession, type TestDatabase } from '../testDb';
import { createRepositories } from './index';
import path from 'node:path';

const sample = appointmentSchema.parse(
  JSON.parse(
    readFileSync(
      path.join(
        PACKAGE_ROOT,
        'resources/samples/cbt-phq9-demo.appointment.json',
      ),
      'utf8',
    ),
  ),
);

describe('repositories', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.dispose());

  it('users: roles, supervisors, programs', () => {
    t = openTestDatabase();
    const { users } = createRepositories(t.db);
    const sup = users.create({
      username: 'sup',
      displayName: 'Sup',
      role: 'supervisor',
    });
    const clin = users.create({
      username: 'clin',
      displayName: 'Clin',
      role: 'clinician',
      passwordHash: '$argon2id$x',
    });
    users.linkSupervisor(sup.id, clin.id);
    users.addToProgram(clin.id, 'otp-1');
    expect(users.superviseesOf(sup.id)).toEqual([clin.id]);
    expect(users.supervisorsOf(clin.id)).toEqual([sup.id]);
    expect(users.programsOf(clin.id)).toEqual(['otp-1']);
    expect(users.findByUsername('clin')?.passwordHash).toBe('$argon2id$x');
    expect(() =>
      users.create({ username: 'clin', displayName: 'Dup', role: 'biller' }),
    ).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });

  it('appointments: keep the full JSON and upsert client, payer and coverage', () => {
    t = openTestDatabase();
    const repos = createRepositories(t.db);
    repos.appointments.save(sample);
    repos.appointments.save(sample);
    expect(repos.appointments.get(sample.id)).toEqual(sample);
    expect(repos.clients.get(sample.client.id)).toMatchObject({
      familyName: sample.client.familyName,
      ownerClinicianId: sample.clinician.id,
    });
    expect(repos.clients.getPayer(sample.payer.id)?.profile).toBe(
      sample.payer.profile,
    );
    expect(repos.clients.coveragesOf(sample.client.id)).toHaveLength(
      sample.coverage ? 1 : 0,
    );
    const day = sample.scheduledStart.slice(0, 10);
    expect(
      repos.appointments.listForClinician(
        sample.clinician.id,
        `${day}T00:00:00Z`,
        `${day}T23:59:59Z`,
      ),
    ).toHaveLength(1);
    expect(() =>
      repos.appointments.save({ ...sample, scheduledStart: 'soon' }),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
  });

  it('sessions: lifecycle, pauses, list and search by client name', () => {
    t = openTestDatabase();
    const repos = createRepositories(t.db);
    const client = repos.clients.upsert({
      givenName: 'Sam',
      familyName: 'Okafor',
      birthDate: '1980-02-02',
      part2Program: null,
      ownerClinicianId: null,
    });
    const s = repos.sessions.create({ clientId: client.id, clinicianId: 'c1' });
    repos.sessions.setStatus(s.id, 'recording', '2026-12-01T10:00:00.000Z');
    repos.sessions.setPauses(s.id, [
      { start: '2026-12-01T10:10:00.000Z', end: '2026-12-01T10:12:00.000Z' },
    ]);
    repos.sessions.setStatus(s.id, 'saved', '2026-12-01T10:50:00.000Z');
    expect(repos.sessions.require(s.id)).toMatchObject({
      status: 'saved',
      startedAt: '2026-12-01T10:00:00.000Z',
      endedAt: '2026-12-01T10:50:00.000Z',
    });
    seedSession(t.db);
    expect(repos.sessions.list({ text: 'oka' }).map((x) => x.id)).toEqual([
      s.id,
    ]);
    expect(
      repos.sessions.list({
        clinicianId: 'c1',
        from: '2026-12-01',
        to: '2026-12-02',
      }),
    ).toHaveLength(1);
    expect(repos.sessions.list()).toHaveLength(2);
  });

  it('assessments, risk flags, goals, claims, consents, transcripts, settings', () => {
    t = openTestDatabase();
    const { sessionId, clientId, clinicianId } = seedSession(t.db);
    const r = createRepositories(t.db);

    const a = r.assessments.propose({
      sessionId,
      clientId,
      instrument: 'phq9',
      answers: [2, 3, 3, 2, 1, 2, 1, 0, 1],
      total: 15,
      severity: 'moderately severe',
      source: 'verbal',
    });
    expect(r.assessments.confirm(a.id, clinicianId)).toMatchObject({
      status: 'confirmed',
      confirmedBy: clinicianId,
      total: 15,
    });
    expect(() => r.assessments.confirm(a.id, clinicianId)).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
    expect(r.assessments.history(clientId, 'phq9')).toHaveLength(1);

    const flag = r.riskFlags.raise({
      sessionId,
      type: 'suicidal_ideation',
      severity: 'high',
      evidence: { segmentIds: ['u12'] },
    });
    expect(() => r.riskFlags.dismiss(flag.id, clinicianId, ' ')).toThrow(
      expect.objectContaining({ kind: 'invalid_request' }),
    );
    expect(r.riskFlags.openForSession(sessionId)).toHaveLength(1);
    r.riskFlags.dismiss(
      flag.id,
      clinicianId,
      'passive SI, no plan or intent; safety plan reviewed',
    );
    expect(r.riskFlags.openForSession(sessionId)).toHaveLength(0);

    const goal = r.goals.add({
      clientId,
      text: 'Sleep 7 hours on 5 nights a week',
    });
    r.goals.setStatus(goal.id, 'met');
    expect(r.goals.forClient(clientId, true)).toHaveLength(0);

    const claim = r.claims.create({ sessionId, x12: 'ISA*00*' });
    r.claims.setStatus(claim.id, 'submitted');
    expect(() => r.claims.update(claim.id, { x12: 'ISA*01*' })).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
    expect(r.claims.byStatus('submitted').map((c) => c.id)).toEqual([claim.id]);

    const base = {
      clientId,
      kind: 'part2_disclosure' as const,
      recipient: 'Dr B',
      purpose: 'coordination',
      information: 'progress notes',
      expiresAt: '2027-06-01T00:00:00.000Z',
      signature: 'typed:Sam',
      signedAt: '2026-12-01T00:00:00.000Z',
    };
    expect(() => r.consents.record({ ...base, purpose: '' })).toThrow(
      expect.objectContaining({ kind: 'consent_required' }),
    );
    const consent = r.consents.record(base);
    expect(
      r.consents.active(
        clientId,
        'part2_disclosure',
        '2026-12-02T00:00:00.000Z',
      ),
    ).toHaveLength(1);
    expect(
      r.consents.active(
        clientId,
        'part2_disclosure',
        '2027-07-01T00:00:00.000Z',
      ),
    ).toHaveLength(0);
    r.consents.revoke(consent.id, '2026-12-05T00:00:00.000Z');
    expect(
      r.consents.active(
        clientId,
        'part2_disclosure',
        '2026-12-06T00:00:00.000Z',
      ),
    ).toHaveLength(0);

    r.transcripts.upsertSegments(sessionId, [
      {
        id: 'b',
        start: 5,
        end: 6,
        role: 'client',
        channel: 1,
        text: 'two',
        confidence: 0.8,
      },
      {
        id: 'a',
        start: 1,
        end: 2,
        role: 'clinician',
        channel: 0,
        text: 'one',
        confidence: 0.9,
      },
    ]);
    expect(r.transcripts.segments(sessionId).map((s) => s.text)).toEqual([
      'one',
      'two',
    ]);

    r.settings.set('stt.model', { name: 'base.en' });
    expect(r.settings.get('stt.model')).toEqual({ name: 'base.en' });
  });
});
