import type {
  Claim as FhirClaim,
  ClaimItem,
  Coverage,
} from '@medplum/fhirtypes';
import type { Claim } from './claim';
import { modifierSystem } from './codeTable';

// Code systems (FHIR R4 Claim; DOMAIN.md 4.1).
const CPT = 'http://www.ama-assn.org/go/cpt';
const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const POS =
  'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
const PRIORITY = 'http://terminology.hl7.org/CodeSystem/processpriority';
const SUBSCRIBER_RELATIONSHIP =
  'http://terminology.hl7.org/CodeSystem/subscriber-relationship';

export interface FhirClaimOptions {
  /** Claim.created; defaults to now. */
  created?: string;
  /** Claim.status: `draft` until the claim is sent (default `active`). */
  status?: 'active' | 'draft';
}

/**
 * The FHIR R4 `Claim` for a professional claim: CPT lines with modifiers,
 * CMS place of service, ICD-10-CM diagnoses with their pointers, and the
 * coverage as a contained `Coverage`. The client is referenced as
 * `Patient/<clientId>`; the billing and rendering providers by NPI.
 */
export function toFhirClaim(
  claim: Claim,
  opts: FhirClaimOptions = {},
): FhirClaim {
  const resource: FhirClaim = {
    resourceType: 'Claim',
    status: opts.status ?? 'active',
    type: { coding: [{ system: CLAIM_TYPE, code: 'professional' }] },
    use: 'claim',
    patient: { reference: `Patient/${claim.clientId}` },
    billablePeriod: { start: claim.serviceDate, end: claim.serviceDate },
    created: opts.created ?? new Date().toISOString(),
    provider: { identifier: { system: NPI, value: claim.billingProvider.npi } },
    priority: { coding: [{ system: PRIORITY, code: 'normal' }] },
    contained: [coverage(claim)],
    insurance: [
      { sequence: 1, focal: true, coverage: { reference: '#coverage' } },
    ],
    diagnosis: claim.diagnoses.map((d) => ({
      sequence: d.pointer,
      diagnosisCodeableConcept: { coding: [{ system: ICD10CM, code: d.code }] },
    })),
    item: claim.lines.map((line, i) => item(claim, line, i + 1)),
    total: { value: claim.totalCharge, currency: 'USD' },
  };
  if (claim.rendering) {
    resource.careTeam = [
      {
        sequence: 1,
        provider: { identifier: { system: NPI, value: claim.rendering.npi } },
        role: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole',
              code: 'primary',
            },
          ],
        },
      },
    ];
  }
  return resource;
}

function item(
  claim: Claim,
  line: Claim['lines'][number],
  sequence: number,
): ClaimItem {
  const out: ClaimItem = {
    sequence,
    diagnosisSequence: line.pointers,
    productOrService: { coding: [{ system: CPT, code: line.cpt }] },
    servicedDate: line.serviceDate,
    locationCodeableConcept: { coding: [{ system: POS, code: line.pos }] },
    quantity: { value: line.units },
    unitPrice: {
      value: Math.round((line.charge / line.units) * 100) / 100,
      currency: 'USD',
    },
    net: { value: line.charge, currency: 'USD' },
  };
  if (line.modifiers.length > 0) {
    out.modifier = line.modifiers.map((m) => ({
      coding: [{ system: modifierSystem(m) === 'cpt' ? CPT : HCPCS, code: m }],
    }));
  }
  if (claim.rendering) out.careTeamSequence = [1];
  return out;
}

function coverage(claim: Claim): Coverage {
  const relationship = claim.patient?.relationship ?? 'self';
  return {
    resourceType: 'Coverage',
    id: 'coverage',
    status: 'active',
    subscriberId: claim.subscriber.memberId,
    beneficiary: { reference: `Patient/${claim.clientId}` },
    relationship: {
      coding: [{ system: SUBSCRIBER_RELATIONSHIP, code: relationship }],
    },
    payor: [
      { identifier: { value: claim.payer.id }, display: claim.payer.name },
    ],
  };
}
