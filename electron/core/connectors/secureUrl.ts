import { AppError } from '../../contract/errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Connectors carry PHI, so every endpoint must use TLS (HIPAA transmission
 * security, 45 CFR 164.312(e)); plain HTTP is allowed only to this machine
 * (sandboxes). Node's TLS floor is 1.2 by default, which we rely on.
 */
export function assertSecureUrl(raw: string, what = 'The EHR address'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_request', `${what} is not a valid URL.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
  throw new AppError(
    'invalid_request',
    `${what} must use https (TLS); only localhost may use http.`,
  );
}

/** The URL without credentials or query, for display and logs. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(invalid address)';
  }
}
