/**
 * Supplies the Authorization header for EHR requests. `invalidate` drops a
 * cached credential after the EHR answers 401, so the next call gets a
 * fresh one.
 */
export interface AuthProvider {
  header(): Promise<string | undefined>;
  invalidate(): void;
}

/** No authentication (local sandboxes only). */
export const noAuth: AuthProvider = {
  header: () => Promise.resolve(undefined),
  invalidate: () => undefined,
};

/** A static bearer token, for sandboxes and EHRs that issue long-lived tokens. */
export function staticBearer(token: string): AuthProvider {
  return {
    header: () => Promise.resolve(`Bearer ${token}`),
    invalidate: () => undefined,
  };
}
