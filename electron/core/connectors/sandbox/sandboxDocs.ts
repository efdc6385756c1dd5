import type {
  Bundle,
  CapabilityStatement,
  OperationOutcome,
  Resource,
} from '@medplum/fhirtypes';
import { structureErrors } from '../../fhir/validateFhir';

/** An OperationOutcome with one error issue. */
export function outcome(code: string, text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'error', code: code as 'exception', details: { text } },
    ],
  };
}

/**
 * Rejects a write whose resource (or any transaction/batch entry) fails
 * base R4 structure validation; the bare MemoryRepository would accept it.
 */
export function validateIncoming(
  method: string,
  body: unknown,
): OperationOutcome | undefined {
  if (method !== 'POST' && method !== 'PUT') return undefined;
  if (!isResource(body))
    return outcome('structure', 'Body is not a FHIR resource');
  const resources = isTransaction(body)
    ? (body.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []))
    : [body];
  const issues = resources.flatMap((r) =>
    structureErrors(r).map((i) => ({
      ...i,
      diagnostics: `${r.resourceType}: ${i.details?.text ?? i.code}`,
    })),
  );
  if (issues.length === 0) return undefined;
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function capabilityStatement(): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'Hushnote sandbox FHIR server' },
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}

export function smartConfiguration(baseUrl: string): Record<string, unknown> {
  return {
    token_endpoint: `${baseUrl}/auth/token`,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    grant_types_supported: ['client_credentials'],
    scopes_supported: ['system/*.cruds', 'system/*.write', 'system/*.read'],
    capabilities: ['client-confidential-asymmetric'],
  };
}

function isResource(body: unknown): body is Resource {
  return typeof body === 'object' && body !== null && 'resourceType' in body;
}

function isTransaction(r: Resource): r is Bundle {
  return (
    r.resourceType === 'Bundle' &&
    (r.type === 'transaction' || r.type === 'batch')
  );
}
