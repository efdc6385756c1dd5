import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { sessionFor, useToday } from './today';
import { appointment, detail } from './testData';

describe('today store', () => {
  beforeEach(() => useToday.setState({ appointments: [], sessions: [], loading: false, error: undefined }));

  it('loads appointments and sessions, then starts one in one call', async () => {
    const fake = fakeClient();
    fake.answer('appointments:today', () => [appointment]);
    fake.answer('session:list', () => []);
    fake.answer('session:create', () => detail().summary);

    await useToday.getState().load(fake.client);
    expect(useToday.getState().appointments).toHaveLength(1);

    const session = await useToday.getState().start(fake.client, 'appt-1');
    expect(session?.id).toBe('s1');
    expect(fake.calls.at(-1)?.request).toEqual({ appointmentId: 'appt-1', adHoc: false });
    expect(sessionFor(useToday.getState().sessions, 'appt-1')?.id).toBe('s1');
  });

  it('reports a failed load in plain words', async () => {
    const fake = fakeClient();
    fake.answer('appointments:today', () => {
      throw new FakeFailure({ kind: 'db_locked', message: '' });
    });
    fake.answer('session:list', () => []);
    await useToday.getState().load(fake.client);
    expect(useToday.getState().error).toBe('The database is busy. Try again in a moment.');
  });
});
