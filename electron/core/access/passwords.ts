import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../contract/errors';

/** NIST SP 800-63B: at least 8 characters; we ask for 10 on shared machines. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Argon2id through @node-rs/argon2 (prebuilt, maintained): the library's
 * defaults follow the OWASP minimums (19 MiB, 2 passes).
 */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'invalid_request',
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  }
  return hash(password);
}

export async function verifyPassword(
  stored: string | null,
  password: string,
): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
