import type {
  Claim,
  Observation,
  QuestionnaireResponse,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { AssessmentFhir } from '../sessionBundleInput';
import { stableUrn } from '../stableId';
import { hushnoteId, ref, type BundleContext } from './bundleContext';

/** A resource made elsewhere, re-pointed at this bundle's entries. */
export interface SuppliedEntry {
  fullUrl: string;
  resource: Resource;
}

/**
 * The assessments module's QuestionnaireResponse and Observations, with
 * stable identifiers added and every reference re-pointed: the subject and
 * encounter to this session's, and references between them (derivedFrom,
 * hasMember) to their bundle fullUrls.
 */
export function assessmentEntries(ctx: BundleContext): SuppliedEntry[] {
  const entries: SuppliedEntry[] = [];
  for (const a of ctx.input.assessments) {
    const local = new Map<string, string>();
    const key = `${ctx.input.sessionId}:${a.instrument}`;
    const qrUrl = stableUrn(`qr:${key}`);
    aliases(a.questionnaireResponse).forEach((k) => local.set(k, qrUrl));
    const obsUrls = a.observations.map((o, i) => {
      const url = stableUrn(`obs:${key}:${obsKey(o, i)}`);
      aliases(o).forEach((k) => local.set(k, url));
      return url;
    });

    entries.push({
      fullUrl: qrUrl,
      resource: questionnaireResponse(ctx, a, key, local),
    });
    a.observations.forEach((o, i) => {
      entries.push({
        fullUrl: obsUrls[i] ?? stableUrn(`obs:${key}:${i}`),
        resource: observation(ctx, o, `${key}:${obsKey(o, i)}`, local),
      });
    });
  }
  return entries;
}

/** The billing module's Claim, pointed at this bundle's parties. */
export function claimEntry(ctx: BundleContext, claim: Claim): SuppliedEntry {
  const { refs, input } = ctx;
  const repointed = repoint(claim, new Map(), ctx) as Claim;
  const insurance = repointed.insurance.map((ins) => ({
    ...ins,
    coverage: isBundleRef(ins.coverage) ? ins.coverage : ref(refs.coverage),
  }));
  const { id: _id, meta: _meta, ...rest } = repointed;
  return {
    fullUrl: stableUrn(`claim:${input.sessionId}`),
    resource: {
      ...rest,
      identifier: withIdentifier(
        rest.identifier,
        hushnoteId('claim', input.sessionId),
      ),
      patient: ref(refs.patient),
      provider: ref(refs.billingOrg, input.appointment.billingProvider.name),
      insurer: ref(refs.payerOrg, input.appointment.payer.name),
      insurance,
    },
  };
}

function questionnaireResponse(
  ctx: BundleContext,
  a: AssessmentFhir,
  key: string,
  local: Map<string, string>,
): QuestionnaireResponse {
  const {
    id: _id,
    meta: _meta,
    ...rest
  } = repoint(a.questionnaireResponse, local, ctx) as QuestionnaireResponse;
  return {
    ...rest,
    identifier: hushnoteId('questionnaire-response', key),
    subject: ref(ctx.refs.patient),
    encounter: ref(ctx.refs.encounter),
    author: ref(ctx.refs.practitioner),
  };
}

function observation(
  ctx: BundleContext,
  o: Observation,
  key: string,
  local: Map<string, string>,
): Observation {
  const {
    id: _id,
    meta: _meta,
    ...rest
  } = repoint(o, local, ctx) as Observation;
  return {
    ...rest,
    identifier: withIdentifier(rest.identifier, hushnoteId('observation', key)),
    subject: ref(ctx.refs.patient),
    encounter: ref(ctx.refs.encounter),
  };
}

function obsKey(o: Observation, index: number): string {
  return `${o.code.coding?.[0]?.code ?? 'obs'}:${index}`;
}

/** The keys other supplied resources may use to refer to this one. */
function aliases(resource: Resource): string[] {
  if (!resource.id) return [];
  return [
    `${resource.resourceType}/${resource.id}`,
    `urn:uuid:${resource.id}`,
    resource.id,
  ];
}

/** Deep copy with references re-pointed: local first, then by type. */
function repoint(
  value: unknown,
  local: Map<string, string>,
  ctx: BundleContext,
): unknown {
  if (Array.isArray(value)) return value.map((v) => repoint(v, local, ctx));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === 'reference' && typeof v === 'string'
        ? (local.get(v) ?? byType(v, ctx) ?? v)
        : repoint(v, local, ctx);
  }
  return out;
}

function byType(reference: string, ctx: BundleContext): string | undefined {
  const type = reference.split('/')[0];
  if (type === 'Patient') return ctx.refs.patient;
  if (type === 'Encounter') return ctx.refs.encounter;
  if (type === 'Practitioner') return ctx.refs.practitioner;
  if (type === 'Coverage') return ctx.refs.coverage;
  return undefined;
}

function isBundleRef(r: Reference | undefined): boolean {
  return Boolean(r?.reference?.startsWith('urn:uuid:'));
}

function withIdentifier<T extends { system?: string }>(
  list: T[] | undefined,
  id: T,
): T[] {
  const others = (list ?? []).filter((i) => i.system !== id.system);
  return [id, ...others];
}
