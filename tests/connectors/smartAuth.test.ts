import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, exportPKCS8, generateKeyPair, type JWK } from 'jose';
import { createConnector } from '../../electron/core/connectors/createConnector';
import { FhirR4Connector } from '../../electron/core/connectors/fhirR4/fhirR4Connector';
import { SmartBackendAuth } from '../../electron/core/connectors/fhirR4/smartBackendAuth';
import { pushSession } from '../../electron/core/connectors/pushSession';
import {
  startSandboxFhirServer,
  type SandboxFhirServer,
} from '../../electron/core/connectors/sandbox/sandboxFhirServer';
import { demoSession } from './demoSession';

const RECIPIENT = { name: 'Sandbox EHR', class: 'treating-providers' as const };

describe('SMART Backend Services against the sandbox token endpoint', () => {
  let server: SandboxFhirServer;
  let rsaPem: string;
  let ecJwk: JWK;
  let clock = Date.parse('2026-11-03T22:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    const rsa = await generateKeyPair('RS384', { extractable: true });
    const ec = await generateKeyPair('ES384', { extractable: true });
    rsaPem = await exportPKCS8(rsa.privateKey);
    ecJwk = await exportJWK(ec.privateKey);
    const rsaPublic = {
      ...(await exportJWK(rsa.publicKey)),
      kid: 'rsa-1',
      alg: 'RS384',
    };
    const ecPublic = {
      ...(await exportJWK(ec.publicKey)),
      kid: 'ec-1',
      alg: 'ES384',
    };
    server = await startSandboxFhirServer({
      auth: 'bearer',
      now,
      tokenTtlSeconds: 300,
      clients: [
        { clientId: 'hushnote-rsa', jwks: { keys: [rsaPublic] } },
        { clientId: 'hushnote-ec', jwks: { keys: [ecPublic] } },
      ],
    });
  });
  afterAll(() => server.close());

  function rsaConnector(): FhirR4Connector {
    const connector = createConnector(
      {
        kind: 'fhir-r4',
        id: 'smart',
        name: 'Sandbox EHR',
        baseUrl: server.baseUrl,
        recipient: RECIPIENT,
        auth: {
          type: 'smart-backend',
          clientId: 'hushnote-rsa',
          privateKey: rsaPem,
          alg: 'RS384',
          kid: 'rsa-1',
          scopes: ['system/Encounter.cru', 'system/DocumentReference.cru'],
        },
      },
      { now },
    );
    if (!(connector instanceof FhirR4Connector))
      throw new Error('expected the FHIR connector');
    return connector;
  }

  function smartAuthOf(connector: FhirR4Connector): SmartBackendAuth {
    if (!(connector.auth instanceof SmartBackendAuth))
      throw new Error('expected SMART auth');
    return connector.auth;
  }

  it('discovers the token endpoint, signs RS384 and caches the token until it expires', async () => {
    const connector = rsaConnector();
    const auth = smartAuthOf(connector);
    const issued = server.tokens.issued;

    expect(await connector.testConnection()).toMatchObject({ ok: true });
    expect(await connector.testConnection()).toMatchObject({ ok: true });
    expect(auth.requests).toBe(1);
    expect(server.tokens.issued).toBe(issued + 1);

    clock += 240_000; // 4 min: still valid past the 30 s margin.
    await connector.testConnection();
    expect(auth.requests).toBe(1);

    clock += 40_000; // within 30 s of expiry: a new token first.
    await connector.testConnection();
    expect(auth.requests).toBe(2);
    expect(
      server
        .requests()
        .some((r) => r.path === '/.well-known/smart-configuration'),
    ).toBe(true);
  });

  it('signs ES384 with a JWK and a configured token URL', async () => {
    const connector = createConnector(
      {
        kind: 'fhir-r4',
        id: 'smart-ec',
        name: 'Sandbox EHR',
        baseUrl: server.baseUrl,
        recipient: RECIPIENT,
        auth: {
          type: 'smart-backend',
          clientId: 'hushnote-ec',
          privateKey: ecJwk,
          alg: 'ES384',
          kid: 'ec-1',
          tokenUrl: server.tokenUrl,
          scopes: ['system/*.write'],
        },
      },
      { now },
    );
    expect(await connector.testConnection()).toMatchObject({ ok: true });
  });

  it('refreshes once on a 401, then reports ehr_auth_expired', async () => {
    const connector = rsaConnector();
    const auth = smartAuthOf(connector);
    const input = demoSession({ sessionId: 'session-smart' });
    await pushSession(connector, input);
    expect(auth.requests).toBe(1);

    server.tokens.expireAll(); // the EHR ended the cached token early
    await pushSession(connector, input);
    expect(auth.requests).toBe(2);

    server.faults.failNext(2, 'expired-token');
    await expect(pushSession(connector, input)).rejects.toMatchObject({
      kind: 'ehr_auth_expired',
      message: expect.stringContaining(
        'rejected Hushnote’s access token twice',
      ) as string,
    });
    expect(auth.requests).toBe(3);
    expect(server.counts()['DocumentReference']).toBe(1);
  });

  it('refuses a client the EHR does not know', async () => {
    const connector = createConnector(
      {
        kind: 'fhir-r4',
        id: 'smart-x',
        name: 'Sandbox EHR',
        baseUrl: server.baseUrl,
        recipient: RECIPIENT,
        auth: {
          type: 'smart-backend',
          clientId: 'stranger',
          privateKey: rsaPem,
          alg: 'RS384',
          kid: 'rsa-1',
          scopes: ['system/*.write'],
        },
      },
      { now },
    );
    expect(await connector.testConnection()).toMatchObject({
      ok: false,
      kind: 'ehr_auth_expired',
    });
  });

  it('requires TLS except to this machine', () => {
    const config = {
      kind: 'fhir-r4' as const,
      id: 'x',
      name: 'x',
      recipient: RECIPIENT,
      auth: { type: 'bearer' as const, token: 't' },
    };
    expect(() =>
      createConnector({ ...config, baseUrl: 'http://ehr.example.org/fhir' }),
    ).toThrow(/https/);
    expect(() =>
      createConnector({ ...config, baseUrl: 'https://ehr.example.org/fhir' }),
    ).not.toThrow();
    expect(() =>
      createConnector({ ...config, baseUrl: 'http://localhost:8080/fhir' }),
    ).not.toThrow();
  });
});
