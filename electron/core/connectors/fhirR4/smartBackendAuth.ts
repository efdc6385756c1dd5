import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  importJWK,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import { AppError } from '../../../contract/errors';
import { log } from '../../log/logger';
import { assertSecureUrl } from '../secureUrl';
import type { AuthProvider } from './authProvider';

/** SMART Backend Services registration of Hushnote with one EHR. */
export interface SmartBackendConfig {
  clientId: string;
  /** Private key as PKCS#8 PEM or a private JWK. */
  privateKey: string | JWK;
  alg: 'RS384' | 'ES384';
  /** The `kid` of the public key registered in the EHR's JWKS. */
  kid: string;
  /** From `/.well-known/smart-configuration` when not given. */
  tokenUrl?: string;
  /** SMART v2 (`system/DocumentReference.cu`) or v1 (`system/*.write`) scopes. */
  scopes: string[];
}

/** Refresh this long before the EHR's expiry, for clock skew and latency. */
const EXPIRY_MARGIN_MS = 30_000;
/** SMART: the assertion's `exp` must be no more than five minutes ahead. */
const ASSERTION_LIFETIME_S = 300;

/**
 * SMART on FHIR Backend Services (hl7.org/fhir/smart-app-launch/
 * backend-services.html): signs a JWT client assertion with jose and trades
 * it for an access token, cached until shortly before it expires.
 */
export class SmartBackendAuth implements AuthProvider {
  private cached: { token: string; expiresAt: number } | undefined;
  private key: CryptoKey | Uint8Array | undefined;
  private tokenUrl: string | undefined;
  /** Tokens obtained so far (tests check the cache). */
  requests = 0;

  constructor(
    private readonly config: SmartBackendConfig,
    private readonly fhirBaseUrl: string,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (config.tokenUrl)
      this.tokenUrl = assertSecureUrl(config.tokenUrl, 'The token URL').href;
  }

  async header(): Promise<string> {
    if (
      !this.cached ||
      this.cached.expiresAt - EXPIRY_MARGIN_MS <= this.now()
    ) {
      this.cached = await this.fetchToken();
    }
    return `Bearer ${this.cached.token}`;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<{ token: string; expiresAt: number }> {
    const tokenUrl = await this.resolveTokenUrl();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type:
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await this.assertion(tokenUrl),
      scope: this.config.scopes.join(' '),
    });
    const res = await this.post(tokenUrl, body);
    const json = (await res.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      error_description?: unknown;
    };
    if (!res.ok || typeof json.access_token !== 'string') {
      const why =
        typeof json.error_description === 'string'
          ? `: ${json.error_description}`
          : '';
      throw new AppError(
        'ehr_auth_expired',
        `The EHR refused Hushnote's credentials (${res.status})${why}.`,
      );
    }
    this.requests += 1;
    log().info('connector.token_issued', {
      expiresIn: Number(json.expires_in ?? 0),
    });
    const ttl = typeof json.expires_in === 'number' ? json.expires_in : 300;
    return { token: json.access_token, expiresAt: this.now() + ttl * 1000 };
  }

  private async post(url: string, body: URLSearchParams): Promise<Response> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AppError(
        'ehr_unreachable',
        'The EHR token endpoint could not be reached.',
        { cause: error },
      );
    }
  }

  private async assertion(tokenUrl: string): Promise<string> {
    const nowS = Math.floor(this.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({
        alg: this.config.alg,
        kid: this.config.kid,
        typ: 'JWT',
      })
      .setIssuer(this.config.clientId)
      .setSubject(this.config.clientId)
      .setAudience(tokenUrl)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ASSERTION_LIFETIME_S)
      .setJti(randomUUID())
      .sign(await this.signingKey());
  }

  private async signingKey(): Promise<CryptoKey | Uint8Array> {
    if (this.key) return this.key;
    const { privateKey, alg } = this.config;
    this.key =
      typeof privateKey === 'string'
        ? await importPKCS8(privateKey, alg)
        : await importJWK(privateKey, alg);
    return this.key;
  }

  private async resolveTokenUrl(): Promise<string> {
    if (this.tokenUrl) return this.tokenUrl;
    const wellKnown = `${this.fhirBaseUrl.replace(/\/$/, '')}/.well-known/smart-configuration`;
    const res = await fetch(wellKnown, {
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw new AppError(
        'ehr_unreachable',
        'The EHR could not be reached for SMART discovery.',
        { cause: error },
      );
    });
    const json = (await res.json().catch(() => ({}))) as {
      token_endpoint?: unknown;
    };
    if (!res.ok || typeof json.token_endpoint !== 'string') {
      throw new AppError(
        'ehr_rejected',
        'The EHR does not publish a SMART token endpoint.',
      );
    }
    this.tokenUrl = assertSecureUrl(json.token_endpoint, 'The token URL').href;
    return this.tokenUrl;
  }
}
