import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { renderedBy, sessionFor, useToday } from './today';
import { appointment, detail } from './testData';

describe('today store', () => {
  beforeEach(() =>
    useToday.setState({
      appointments: [],
      sessions: [],
      loading: false,
      error: undefined,
    }),
  );

  it('loads appointments and sessions, then starts one in one call', async () => {
    const fake = fakeClient();
    fake.answer('appointments:today', () => [appointment]);
    fake.answer('session:list', () => []);
    fake.answer('session:create', () => detail().summary);

    await useToday.getState().load(fake.client);
    expect(useToday.getState().appointments).toHaveLength(1);

    const session = await useToday.getState().start(fake.client, 'appt-1');
    expect(session?.id).toBe('s1');
    expect(fake.calls.at(-1)?.request).toEqual({
      appointmentId: 'appt-1',
      adHoc: false,
    });
    expect(sessionFor(useToday.getState().sessions, 'appt-1')?.id).toBe('s1');
  });

  it('reports a failed load in plain words', async () => {
    const fake = fakeClient();
    fake.answer('appointments:today', () => {
      throw new FakeFailure({ kind: 'db_locked', message: '' });
    });
    fake.answer('session:list', () => []);
    await useToday.getState().load(fake.client);
    expect(useToday.getState().error).toBe(
      'The database is busy. Try again in a moment.',
    );
  });

  it('starts a session from an appointment file as the signed-in clinician', async () => {
    const fake = fakeClient();
    fake.answer('session:create', () => detail().summary);
    const file = JSON.stringify({
      id: 'a9',
      clinician: { id: 'ehr-practitioner-7', npi: '1234567893' },
    });
    await useToday.getState().startFromFile(fake.client, file, 'user-1');
    expect(fake.calls[0]?.request).toEqual({
      appointment: { id: 'a9', clinician: { id: 'user-1', npi: '1234567893' } },
    });
  });

  it('refuses a file that is not JSON without calling the core', async () => {
    const fake = fakeClient();
    await useToday.getState().startFromFile(fake.client, 'not json', 'user-1');
    expect(useToday.getState().error).toMatch(/not an appointment/);
    expect(fake.calls).toHaveLength(0);
    expect(renderedBy({ id: 'x' }, undefined)).toEqual({ id: 'x' });
  });
});
