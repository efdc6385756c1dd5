import { beforeEach, describe, expect, it } from 'vitest';
import type { UserView } from '../../../electron/contract/contract';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import {
  EMPTY_FORM,
  checkUserForm,
  useUsers,
  type UserForm,
} from './settingsUsers';

const user = (username: string, disabled = false): UserView => ({
  id: `u-${username}`,
  username,
  displayName: `Test ${username}`,
  role: 'clinician',
  disabled,
});

const form: UserForm = {
  ...EMPTY_FORM,
  displayName: ' Test Jordan ',
  username: 'jordan',
  password: 'synthetic pass phrase',
  confirm: 'synthetic pass phrase',
};

describe('the Add user form', () => {
  it('sends the trimmed fields the contract takes, without the confirmation', () => {
    expect(checkUserForm(form)).toEqual({
      ok: true,
      value: {
        displayName: 'Test Jordan',
        username: 'jordan',
        role: 'clinician',
        password: 'synthetic pass phrase',
      },
    });
  });

  it('says what is wrong with each field', () => {
    const checked = checkUserForm({
      ...EMPTY_FORM,
      username: 'j lee',
      password: 'one',
      confirm: 'two',
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        displayName: 'Enter a name of up to 120 characters.',
        username:
          'Use 2 to 64 letters, digits or . _ @ - (no spaces) for the username.',
        confirm: 'The two passwords differ.',
      },
    });
    expect(checkUserForm({ ...form, password: '' })).toMatchObject({
      ok: false,
      errors: { password: 'Enter a password of up to 256 characters.' },
    });
  });
});

describe('users store', () => {
  beforeEach(() => {
    useUsers.setState({
      users: [user('avery'), user('morgan')],
      adding: { saving: false, errors: {} },
      changing: undefined,
      rowError: undefined,
    });
  });

  it('sends nothing for an invalid form', async () => {
    const fake = fakeClient();
    const added = await useUsers
      .getState()
      .add(fake.client, { ...form, confirm: 'other' });
    expect(added).toBe(false);
    expect(fake.calls).toEqual([]);
    expect(useUsers.getState().adding.errors.confirm).toBe(
      'The two passwords differ.',
    );
  });

  it('adds a user into the list in username order', async () => {
    const fake = fakeClient();
    fake.answer('users:add', () => user('jordan'));
    expect(await useUsers.getState().add(fake.client, form)).toBe(true);
    expect(useUsers.getState().users?.map((u) => u.username)).toEqual([
      'avery',
      'jordan',
      'morgan',
    ]);
    expect(useUsers.getState().adding).toEqual({
      saving: false,
      errors: {},
      saved: 'Added Test jordan (jordan).',
    });
  });

  it('says a taken username in plain words', async () => {
    const fake = fakeClient();
    fake.answer('users:add', () => {
      throw new FakeFailure({
        kind: 'conflict',
        message: 'That username is already taken.',
      });
    });
    expect(await useUsers.getState().add(fake.client, form)).toBe(false);
    expect(useUsers.getState().adding.error).toBe(
      'That username is already taken. Choose another.',
    );
  });

  it("disables a user and shows the core's answer", async () => {
    const fake = fakeClient();
    fake.answer('users:setDisabled', () => user('morgan', true));
    const morgan = user('morgan');
    await useUsers.getState().setDisabled(fake.client, morgan, true);
    expect(fake.calls).toEqual([
      {
        channel: 'users:setDisabled',
        request: { userId: 'u-morgan', disabled: true },
      },
    ]);
    expect(useUsers.getState().users?.[1]?.disabled).toBe(true);
    expect(useUsers.getState().changing).toBeUndefined();
  });

  it("keeps a refused change beside its row, in the core's words", async () => {
    const fake = fakeClient();
    fake.answer('users:setDisabled', () => {
      throw new FakeFailure({
        kind: 'forbidden',
        message: 'The practice owner cannot be disabled.',
      });
    });
    await useUsers.getState().setDisabled(fake.client, user('avery'), true);
    expect(useUsers.getState().rowError).toEqual({
      userId: 'u-avery',
      message: 'The practice owner cannot be disabled.',
    });
    expect(useUsers.getState().users?.[0]?.disabled).toBe(false);
  });

  it('stays hidden when the role may not list users', async () => {
    const fake = fakeClient();
    fake.answer('users:list', () => {
      throw new FakeFailure({ kind: 'forbidden', message: 'No.' });
    });
    await useUsers.getState().load(fake.client);
    expect(useUsers.getState().users).toBeUndefined();
  });
});
