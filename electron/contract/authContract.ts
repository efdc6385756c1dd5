import { z } from 'zod';
import type { BillingView, DeliveryView, SessionSummaryView } from './views';

/** Roles of issue #12; the same words as the users table. */
export const ROLE_NAMES = [
  'clinician',
  'supervisor',
  'biller',
  'admin',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface AuthStatusView {
  needsSetup: boolean;
  user: { id: string; displayName: string; role: RoleName } | null;
  locked: boolean;
  breakGlassUntil: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: RoleName;
  disabled: boolean;
}

/** What a biller sees of a session: codes, claim and delivery only. */
export interface BillingDetailView {
  summary: SessionSummaryView;
  billing: BillingView | null;
  noteStatus: SessionSummaryView['noteStatus'];
  deliveries: DeliveryView[];
}

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\w.@-]+$/);
const password = z.string().min(1).max(256);

export const setupSchema = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(120),
    password,
  })
  .strict();
export const loginSchema = z.object({ username, password }).strict();
export const unlockSchema = z.object({ password }).strict();
export const breakGlassSchema = z
  .object({ reason: z.string().trim().min(10).max(500) })
  .strict();
export const addUserSchema = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLE_NAMES),
    password,
  })
  .strict();

/**
 * Administrators and the owner disable an account (it can no longer sign
 * in; an open session ends) or enable it again. Nobody disables their own
 * account, and the practice owner is never disabled.
 */
export const setUserDisabledSchema = z
  .object({ userId: z.string().min(1).max(200), disabled: z.boolean() })
  .strict();

/**
 * Channels that work without a signed-in, unlocked user. Everything else
 * can return or change PHI and is refused when nobody is signed in or the
 * app is locked (HIPAA 164.312(a)(2)(iii) automatic logoff).
 */
export const PUBLIC_CHANNELS: ReadonlySet<string> = new Set([
  'app:info',
  'app:echo',
  'auth:status',
  'auth:setup',
  'auth:login',
  'auth:logout',
  'auth:unlock',
]);
