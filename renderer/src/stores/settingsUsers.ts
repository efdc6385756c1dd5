import { create } from 'zustand';
import { ROLE_NAMES } from '../../../electron/contract/authContract';
import type {
  RequestOf,
  RoleName,
  UserView,
} from '../../../electron/contract/contract';
import { CallError, type Client } from '../api/client';
import { errorWords } from '../lib/callError';

/** What the Add user form holds, as typed. */
export interface UserForm {
  displayName: string;
  username: string;
  role: RoleName;
  password: string;
  confirm: string;
}

export type UserFormErrors = Partial<Record<keyof UserForm, string>>;

export type CheckedForm =
  | { ok: true; value: RequestOf<'users:add'> }
  | { ok: false; errors: UserFormErrors };

export const EMPTY_FORM: UserForm = {
  displayName: '',
  username: '',
  role: 'clinician',
  password: '',
  confirm: '',
};

/** The contract's username rule (authContract.ts): 2-64 of a-z 0-9 _ . @ -. */
const USERNAME = /^[\w.@-]{2,64}$/;

/** Checks the form against the contract before anything is sent. */
export function checkUserForm(form: UserForm): CheckedForm {
  const errors: UserFormErrors = {};
  const displayName = form.displayName.trim();
  const username = form.username.trim();
  if (!displayName || displayName.length > 120) {
    errors.displayName = 'Enter a name of up to 120 characters.';
  }
  if (!USERNAME.test(username)) {
    errors.username =
      'Use 2 to 64 letters, digits or . _ @ - (no spaces) for the username.';
  }
  if (!form.password || form.password.length > 256) {
    errors.password = 'Enter a password of up to 256 characters.';
  } else if (form.password !== form.confirm) {
    errors.confirm = 'The two passwords differ.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { role, password } = form;
  return { ok: true, value: { displayName, username, role, password } };
}

/** Role names as the screen shows them. */
export function roleWords(role: RoleName): string {
  switch (role) {
    case 'clinician':
      return 'Clinician';
    case 'supervisor':
      return 'Supervisor';
    case 'biller':
      return 'Biller';
    case 'admin':
      return 'Administrator';
  }
}

export const ROLE_OPTIONS = ROLE_NAMES.map((role) => ({
  role,
  label: roleWords(role),
}));

/** A refused user change in words; a taken username says so. */
export function userErrorWords(error: unknown): string {
  if (error instanceof CallError && error.info.kind === 'conflict') {
    return 'That username is already taken. Choose another.';
  }
  if (error instanceof CallError && error.info.kind === 'forbidden') {
    return error.info.message;
  }
  return errorWords(error);
}

interface AddState {
  saving: boolean;
  errors: UserFormErrors;
  error?: string;
  saved?: string;
}

interface UsersStore {
  /** Undefined until listed, or when the role may not list users. */
  users: UserView[] | undefined;
  adding: AddState;
  /** The user whose disable or enable is on its way. */
  changing: string | undefined;
  /** Why the last disable or enable was refused, by user id. */
  rowError: { userId: string; message: string } | undefined;
  load: (client: Client) => Promise<void>;
  /** True once the user is added, so the form can clear. */
  add: (client: Client, form: UserForm) => Promise<boolean>;
  setDisabled: (
    client: Client,
    user: UserView,
    disabled: boolean,
  ) => Promise<void>;
}

/** Settings' users: the list, the Add user form, disable and enable. */
export const useUsers = create<UsersStore>()((set, get) => ({
  users: undefined,
  adding: { saving: false, errors: {} },
  changing: undefined,
  rowError: undefined,

  load: async (client) => {
    try {
      set({ users: await client.call('users:list', {}) });
    } catch {
      // Refused to roles that may not manage users: the panel stays hidden.
      set({ users: undefined });
    }
  },

  add: async (client, form) => {
    const checked = checkUserForm(form);
    if (!checked.ok) {
      set({ adding: { saving: false, errors: checked.errors } });
      return false;
    }
    set({ adding: { saving: true, errors: {} } });
    try {
      const user = await client.call('users:add', checked.value);
      set({
        users: sortUsers([...(get().users ?? []), user]),
        adding: {
          saving: false,
          errors: {},
          saved: `Added ${user.displayName} (${user.username}).`,
        },
      });
      return true;
    } catch (error) {
      const message = userErrorWords(error);
      set({ adding: { saving: false, errors: {}, error: message } });
      return false;
    }
  },

  setDisabled: async (client, user, disabled) => {
    set({ changing: user.id, rowError: undefined });
    try {
      const changed = await client.call('users:setDisabled', {
        userId: user.id,
        disabled,
      });
      const users = (get().users ?? []).map((u) =>
        u.id === changed.id ? changed : u,
      );
      set({ users, changing: undefined });
    } catch (error) {
      const message = userErrorWords(error);
      set({ changing: undefined, rowError: { userId: user.id, message } });
    }
  },
}));

/** The core lists users by username; an added one joins in order. */
function sortUsers(users: UserView[]): UserView[] {
  return users.sort((a, b) => (a.username < b.username ? -1 : 1));
}
