import type { Bundle, BundleEntry, Coding, Resource } from '@medplum/fhirtypes';
import { AppError } from '../../contract/errors';
import { disclosureNotice } from '../part2/part2Notice';
import { withPart2Labels } from '../part2/part2Labels';
import { DEFAULT_NOTE_TYPE } from './fhirCodes';
import type { SessionBundleInput } from './sessionBundleInput';
import {
  buildConsent,
  buildProvenance,
  provenanceTag,
} from './resources/attestation';
import {
  bundleRefs,
  ifNoneExistFor,
  type BundleContext,
} from './resources/bundleContext';
import {
  buildConditions,
  buildEncounter,
} from './resources/encounterResources';
import {
  buildComposition,
  buildDocumentReference,
} from './resources/noteResources';
import {
  buildBillingOrganization,
  buildCoverage,
  buildPatient,
  buildPayerOrganization,
  buildPractitioner,
} from './resources/parties';
import { assessmentEntries, claimEntry } from './resources/suppliedResources';

export interface SessionBundleOptions {
  /** The note's document type for this EHR; LOINC 34904-3 by default. */
  documentType?: Coding;
  /** The signed note as PDF bytes (see renderNotePdf). */
  pdf?: Uint8Array;
  /** Which §2.32 statement accompanies Part 2 disclosures. */
  part2Statement?: 'full' | 'short';
}

/**
 * Builds the FHIR R4 transaction Bundle for one signed session. Every entry
 * is a conditional create (`ifNoneExist` on a stable identifier, or `_tag`
 * for Provenance) with a deterministic fullUrl, so posting the same
 * session twice leaves the server unchanged. Part 2 sessions must carry
 * their consent; their resources get the DS4P labels and the notice.
 */
export function buildSessionBundle(
  input: SessionBundleInput,
  options: SessionBundleOptions = {},
): Bundle {
  const ctx = bundleContext(input, options);
  const entries: BundleEntry[] = [];
  const add = (fullUrl: string, resource: Resource | undefined) => {
    if (resource) entries.push(entry(fullUrl, label(ctx, resource), ctx));
  };

  const { refs } = ctx;
  add(refs.patient, buildPatient(ctx));
  add(refs.practitioner, buildPractitioner(ctx));
  add(refs.billingOrg, buildBillingOrganization(ctx));
  add(refs.payerOrg, buildPayerOrganization(ctx));
  add(refs.coverage, buildCoverage(ctx));
  add(refs.encounter, buildEncounter(ctx));
  for (const [url, condition] of buildConditions(ctx)) add(url, condition);
  add(refs.documentReference, buildDocumentReference(ctx));
  add(refs.composition, buildComposition(ctx));
  for (const e of assessmentEntries(ctx)) add(e.fullUrl, e.resource);
  if (input.claim) {
    requireCoverage(input);
    const e = claimEntry(ctx, input.claim);
    add(e.fullUrl, e.resource);
  }
  if (ctx.part2Consent) add(refs.consent, buildConsent(ctx, ctx.part2Consent));
  add(refs.provenance, buildProvenance(ctx));

  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

function bundleContext(
  input: SessionBundleInput,
  options: SessionBundleOptions,
): BundleContext {
  const ctx: BundleContext = {
    input,
    refs: bundleRefs(input),
    documentType: options.documentType ?? DEFAULT_NOTE_TYPE,
  };
  if (options.pdf) ctx.pdfBase64 = Buffer.from(options.pdf).toString('base64');
  if (input.part2) {
    const consent = input.part2.consent;
    // The gate (checkPart2Disclosure) runs before this; this is the backstop.
    if (!consent) {
      throw new AppError(
        'consent_required',
        'Push blocked: no 42 CFR Part 2 consent is on file for this client.',
      );
    }
    ctx.part2Consent = consent;
    ctx.part2Notice = disclosureNotice(consent, options.part2Statement);
  }
  return ctx;
}

/** Part 2: everything that identifies the client or the care is labelled. */
function label(ctx: BundleContext, resource: Resource): Resource {
  if (!ctx.part2Consent) return resource;
  const t = resource.resourceType;
  if (t === 'Practitioner' || t === 'Organization') return resource;
  return withPart2Labels(resource);
}

function entry(
  fullUrl: string,
  resource: Resource,
  ctx: BundleContext,
): BundleEntry {
  return {
    fullUrl,
    resource,
    request: {
      method: 'POST',
      url: resource.resourceType,
      ifNoneExist: ifNoneExist(resource, ctx),
    },
  };
}

function ifNoneExist(resource: Resource, ctx: BundleContext): string {
  if (resource.resourceType === 'Provenance') {
    const tag = provenanceTag(ctx);
    return `_tag=${tag.system}|${tag.code}`;
  }
  const id = 'identifier' in resource ? resource.identifier : undefined;
  const first = Array.isArray(id) ? id[0] : id;
  if (!first) {
    throw new AppError(
      'internal',
      `No stable identifier on ${resource.resourceType}.`,
    );
  }
  return ifNoneExistFor(first);
}

function requireCoverage(input: SessionBundleInput): void {
  if (!input.appointment.coverage) {
    throw new AppError(
      'claim_invalid',
      "The claim needs the client's coverage (member id) on the appointment.",
    );
  }
}
