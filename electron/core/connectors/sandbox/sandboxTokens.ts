import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

/** A backend client registered with the sandbox, with its public keys. */
export interface SandboxClient {
  clientId: string;
  jwks: JSONWebKeySet;
}

export interface TokenGrant {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
}

export type TokenResult =
  | { ok: true; grant: TokenGrant }
  | { ok: false; status: number; error: string; description: string };

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * The sandbox's SMART Backend Services token endpoint: verifies the
 * client assertion as hl7.org/fhir/smart-app-launch/backend-services.html
 * requires (RS384/ES384, iss = sub = client_id, aud = token URL, exp at
 * most 5 minutes ahead, jti never reused) and issues short-lived tokens.
 */
export class SandboxTokens {
  private readonly clients = new Map<string, SandboxClient>();
  private readonly tokens = new Map<string, number>();
  private readonly seenJti = new Set<string>();
  issued = 0;

  constructor(
    private readonly tokenUrl: () => string,
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  register(client: SandboxClient): void {
    this.clients.set(client.clientId, client);
  }

  /** Adds a token that never expires (the static-bearer mode). */
  addStatic(token: string): void {
    this.tokens.set(token, Number.POSITIVE_INFINITY);
  }

  /** Expires every token now, as an EHR does after its 5-minute lifetime. */
  expireAll(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  isValid(token: string | undefined): boolean {
    if (!token) return false;
    const expiresAt = this.tokens.get(token);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  async exchange(form: URLSearchParams): Promise<TokenResult> {
    if (form.get('grant_type') !== 'client_credentials') {
      return fail('unsupported_grant_type', 'client_credentials only');
    }
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
      return fail('invalid_client', 'client_assertion_type must be jwt-bearer');
    }
    const checked = await this.verify(form.get('client_assertion') ?? '');
    if (typeof checked === 'string') return fail('invalid_client', checked);

    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, this.now() + this.ttlSeconds * 1000);
    this.issued += 1;
    const grant: TokenGrant = {
      access_token: token,
      token_type: 'bearer',
      expires_in: this.ttlSeconds,
      scope: form.get('scope') ?? '',
    };
    return { ok: true, grant };
  }

  private async verify(assertion: string): Promise<true | string> {
    const unverified = decodeIssuer(assertion);
    const client = unverified ? this.clients.get(unverified) : undefined;
    if (!client) return 'unknown client';
    try {
      const { payload } = await jwtVerify(
        assertion,
        createLocalJWKSet(client.jwks),
        {
          algorithms: ['RS384', 'ES384'],
          issuer: client.clientId,
          subject: client.clientId,
          audience: this.tokenUrl(),
          typ: 'JWT',
          currentDate: new Date(this.now()),
        },
      );
      if (!payload.exp || payload.exp * 1000 > this.now() + 300_000 + 5_000) {
        return 'exp must be at most 5 minutes ahead';
      }
      if (!payload.jti || this.seenJti.has(payload.jti)) return 'jti reused';
      this.seenJti.add(payload.jti);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : 'invalid assertion';
    }
  }
}

function decodeIssuer(jwt: string): string | undefined {
  const part = jwt.split('.')[1];
  if (!part) return undefined;
  try {
    const claims = JSON.parse(
      Buffer.from(part, 'base64url').toString('utf8'),
    ) as {
      iss?: unknown;
    };
    return typeof claims.iss === 'string' ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}

function fail(error: string, description: string): TokenResult {
  return { ok: false, status: 401, error, description };
}
