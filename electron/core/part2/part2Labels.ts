import type { Coding, Resource } from '@medplum/fhirtypes';

const CONFIDENTIALITY =
  'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/**
 * DS4P security labels for anything derived from a Part 2 record
 * (DOMAIN.md §4.2; HL7 FHIR DS4P IG): restricted confidentiality, the
 * 42CFRPart2 policy, substance-use sensitivity and the refrain obligation
 * "no redisclosure without consent directive" (NORDSCLCD, not "NORDSLCD").
 */
export const PART2_SECURITY_LABELS: readonly Coding[] = [
  { system: CONFIDENTIALITY, code: 'R', display: 'restricted' },
  { system: ACT_CODE, code: '42CFRPart2', display: '42 CFR Part2' },
  {
    system: ACT_CODE,
    code: 'ETH',
    display: 'substance abuse information sensitivity',
  },
  {
    system: ACT_CODE,
    code: 'NORDSCLCD',
    display: 'no redisclosure without consent directive',
  },
];

/** Returns the resource with the Part 2 labels merged into meta.security. */
export function withPart2Labels<T extends Resource>(resource: T): T {
  const existing = resource.meta?.security ?? [];
  const missing = PART2_SECURITY_LABELS.filter(
    (label) =>
      !existing.some((s) => s.system === label.system && s.code === label.code),
  );
  return {
    ...resource,
    meta: { ...resource.meta, security: [...existing, ...missing] },
  };
}

/** True when a resource carries every Part 2 label. */
export function hasPart2Labels(resource: Resource): boolean {
  const security = resource.meta?.security ?? [];
  return PART2_SECURITY_LABELS.every((label) =>
    security.some((s) => s.system === label.system && s.code === label.code),
  );
}
