import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { resourcePath } from '../paths';
import { CREDENTIAL_CLASSES } from './credentials';

const placement = z.object({
  pos: z.string().regex(/^\d{2}$/),
  modifiers: z.array(z.enum(['95', '93', 'GT', 'FQ', 'GQ'])).max(4),
  /** false: the payer does not cover this modality at this location. */
  allowed: z.boolean().optional(),
  note: z.string().optional(),
});

const byLocation = z.object({ home: placement, other: placement });

const credentialRule = z.object({
  mayBill: z.boolean(),
  excludedCodes: z.array(z.string()),
  note: z.string().optional(),
});

/**
 * A payer profile: the payer-specific part of the billing rules, kept as
 * editable JSON under resources/payers (DOMAIN.md 1.7 says POS and
 * telehealth modifiers are payer-rule driven and change yearly).
 */
export const payerProfileSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  displayName: z.string(),
  effective: z.string(),
  /** SBR09 claim filing indicator (MB Medicare B, CI commercial, ...). */
  claimFilingIndicator: z.string().regex(/^[A-Z0-9]{2}$/),
  sources: z.array(z.string()).min(1),
  telehealth: z.object({
    video: byLocation,
    audio: byLocation,
    'in-person': byLocation,
  }),
  credentials: z.record(z.enum(CREDENTIAL_CLASSES), credentialRule),
  /** Family psychotherapy floor: CPT midpoint of 50 min (VERIFY per payer). */
  familyMinMinutes: z.number().int().positive(),
  /** NGS LCD L33632: groups usually no more than 12 clients. */
  groupMaxParticipants: z.number().int().positive(),
  /** Days before a repeat intake is payable (often 6 months; VERIFY). */
  intakeRepeatMinDays: z.number().int().nonnegative(),
});

export type PayerProfile = z.infer<typeof payerProfileSchema>;
export type Placement = z.infer<typeof placement>;

const cache = new Map<string, PayerProfile>();

/** Loads and validates resources/payers/<name>.json. */
export function loadPayerProfile(name: string): PayerProfile {
  if (!/^[a-z0-9-]+$/.test(name)) {
    throw new AppError(
      'billing_invalid',
      'Payer profile names use a-z, 0-9 and "-".',
    );
  }
  const cached = cache.get(name);
  if (cached) return cached;

  const profile = parseProfile(name, readProfile(name));
  cache.set(name, profile);
  return profile;
}

function readProfile(name: string): unknown {
  let text: string;
  try {
    text = readFileSync(resourcePath('payers', `${name}.json`), 'utf8');
  } catch {
    throw new AppError('not_found', `No payer profile named "${name}".`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      'billing_invalid',
      `Payer profile "${name}" is not valid JSON.`,
    );
  }
}

function parseProfile(name: string, data: unknown): PayerProfile {
  const parsed = payerProfileSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new AppError(
      'billing_invalid',
      `Payer profile "${name}" is invalid at ${where}.`,
    );
  }
  return parsed.data;
}

export function resolveProfile(profile: string | PayerProfile): PayerProfile {
  return typeof profile === 'string' ? loadPayerProfile(profile) : profile;
}
