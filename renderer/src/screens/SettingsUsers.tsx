import { useEffect, useState, type SyntheticEvent } from 'react';
import type {
  SettingsView,
  UserView,
} from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { useAuth } from '../stores/auth';
import {
  EMPTY_FORM,
  ROLE_OPTIONS,
  roleWords,
  useUsers,
  type UserForm,
} from '../stores/settingsUsers';

/**
 * The practice's accounts, shown to those whose role may list them
 * (administrators and the owner); they also add, disable and enable
 * accounts here. The core refuses anyone else.
 */
export function UsersPanel({
  settings,
}: {
  settings: SettingsView | undefined;
}) {
  const client = useClient();
  const users = useUsers((s) => s.users);
  const load = useUsers((s) => s.load);

  useEffect(() => {
    void load(client);
  }, [client, load]);

  if (!users) return null;
  // Absent from cores without accounts (UI work): the core still decides.
  const mayManage = settings?.canAdminister !== false;
  return (
    <section className="panel" aria-labelledby="users-title">
      <h3 id="users-title">Users</h3>
      <table aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Username</th>
            <th>Role</th>
            <th>Status</th>
            {mayManage && <th>Action</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} mayManage={mayManage} />
          ))}
        </tbody>
      </table>
      {mayManage && <AddUserForm />}
    </section>
  );
}

function UserRow({ user, mayManage }: { user: UserView; mayManage: boolean }) {
  return (
    <tr>
      <td>{user.displayName}</td>
      <td>{user.username}</td>
      <td>{roleWords(user.role)}</td>
      <td>{user.disabled ? 'Disabled' : 'Active'}</td>
      {mayManage && (
        <td>
          <DisableButton user={user} />
        </td>
      )}
    </tr>
  );
}

/** Nobody disables their own account; the core also refuses the owner. */
function DisableButton({ user }: { user: UserView }) {
  const client = useClient();
  const selfId = useAuth((s) => s.status?.user?.id);
  const changing = useUsers((s) => s.changing === user.id);
  const refused = useUsers((s) =>
    s.rowError?.userId === user.id ? s.rowError.message : undefined,
  );
  const setDisabled = useUsers((s) => s.setDisabled);
  if (user.id === selfId) return <span className="muted">You</span>;

  const verb = user.disabled ? 'Enable' : 'Disable';
  return (
    <div className="actions">
      <button
        type="button"
        aria-label={`${verb} ${user.username}`}
        disabled={changing}
        onClick={() => void setDisabled(client, user, !user.disabled)}
      >
        {verb}
      </button>
      <ErrorText error={refused} />
    </div>
  );
}

const FIELD_IDS: Record<keyof UserForm, string> = {
  displayName: 'new-user-name',
  username: 'new-user-username',
  role: 'new-user-role',
  password: 'new-user-password',
  confirm: 'new-user-confirm',
};

function AddUserForm() {
  const client = useClient();
  const { saving, errors, error, saved } = useUsers((s) => s.adding);
  const add = useUsers((s) => s.add);
  const [form, setForm] = useState<UserForm>(EMPTY_FORM);
  const field = (name: keyof UserForm) => ({
    id: FIELD_IDS[name],
    value: form[name],
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${FIELD_IDS[name]}-error` : undefined,
    onChange: (e: { target: { value: string } }) =>
      setForm({ ...form, [name]: e.target.value }),
  });

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (await add(client, form)) setForm(EMPTY_FORM);
  };

  return (
    <form
      aria-labelledby="add-user-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h4 id="add-user-title">Add user</h4>
      <div className="form-row">
        <label>
          Display name
          <input autoComplete="off" {...field('displayName')} />
        </label>
        <label>
          Username
          <input autoComplete="off" {...field('username')} />
        </label>
        <label>
          Role
          <select {...field('role')}>
            {ROLE_OPTIONS.map(({ role, label }) => (
              <option key={role} value={role}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="new-password"
            {...field('password')}
          />
        </label>
        <label>
          Confirm password
          <input
            type="password"
            autoComplete="new-password"
            {...field('confirm')}
          />
        </label>
        <button type="submit" disabled={saving}>
          {saving ? 'Adding…' : 'Add user'}
        </button>
      </div>
      <FieldErrors errors={errors} />
      <ErrorText error={error} />
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

function FieldErrors({ errors }: { errors: Partial<Record<string, string>> }) {
  const entries = Object.entries(FIELD_IDS).filter(([name]) => errors[name]);
  if (entries.length === 0) return null;
  return (
    <div role="alert">
      {entries.map(([name, id]) => (
        <p key={name} id={`${id}-error`} className="error">
          {errors[name]}
        </p>
      ))}
    </div>
  );
}
