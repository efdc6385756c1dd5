import { buildSessionBundle } from '../fhir/buildSessionBundle';
import { renderNotePdf } from '../fhir/renderNotePdf';
import type { SessionBundleInput } from '../fhir/sessionBundleInput';
import { log } from '../log/logger';
import {
  assertDisclosureAllowed,
  checkPart2Disclosure,
} from '../part2/checkPart2';
import type { DisclosureLog } from '../part2/disclosureLog';
import { disclosureNotice } from '../part2/part2Notice';
import type {
  DisclosurePurpose,
  InformationCategory,
  Part2Consent,
} from '../part2/part2Consent';
import type { EhrConnector, PushResult } from './ehrConnector';

export interface PushSessionOptions {
  /** Where Part 2 disclosures are recorded; required for Part 2 clients. */
  disclosures?: DisclosureLog;
  now?: () => Date;
  part2Statement?: 'full' | 'short';
}

/**
 * Delivers one signed session through a connector. For a Part 2 client the
 * consent is checked first (nothing is sent when it does not cover this
 * recipient, purpose and information), and the disclosure is recorded once
 * the EHR has accepted it.
 */
export async function pushSession(
  connector: EhrConnector,
  input: SessionBundleInput,
  options: PushSessionOptions = {},
): Promise<PushResult> {
  const at = (options.now ?? (() => new Date()))();
  const consent = part2Gate(connector, input, at);
  const notice = consent
    ? disclosureNotice(consent, options.part2Statement)
    : undefined;

  const pdf = await renderNotePdf(input, notice);
  const documentType = connector.documentType;
  const bundle = buildSessionBundle(input, {
    pdf,
    ...(documentType ? { documentType } : {}),
    ...(options.part2Statement
      ? { part2Statement: options.part2Statement }
      : {}),
  });
  const result = await connector.push(bundle);
  log().info('connector.pushed', {
    connectorId: connector.id,
    sessionId: input.sessionId,
    created: result.created,
    entries: result.locations.length,
  });

  if (consent) recordDisclosure(connector, input, consent, result, at, options);
  return result;
}

function part2Gate(
  connector: EhrConnector,
  input: SessionBundleInput,
  at: Date,
): Part2Consent | undefined {
  if (!input.part2) return undefined;
  const decision = checkPart2Disclosure(input.part2.consent, {
    recipient: connector.describe().recipient,
    purposes: disclosurePurposes(input),
    information: disclosedInformation(input),
    at,
  });
  if (!decision.allowed) {
    log().warn('part2.push_blocked', {
      connectorId: connector.id,
      sessionId: input.sessionId,
    });
  }
  return assertDisclosureAllowed(decision);
}

function recordDisclosure(
  connector: EhrConnector,
  input: SessionBundleInput,
  consent: Part2Consent,
  result: PushResult,
  at: Date,
  options: PushSessionOptions,
): void {
  if (!options.disclosures) {
    log().warn('part2.disclosure_unrecorded', {
      connectorId: connector.id,
      sessionId: input.sessionId,
    });
    return;
  }
  options.disclosures.record({
    clientId: input.appointment.client.id,
    sessionId: input.sessionId,
    connectorId: connector.id,
    recipient: connector.describe().recipient,
    purposes: disclosurePurposes(input),
    information: disclosedInformation(input),
    consentId: consent.id,
    at: at.toISOString(),
    items: result.locations.length,
  });
}

/** Treatment for the note; payment too when the claim goes along. */
export function disclosurePurposes(
  input: SessionBundleInput,
): DisclosurePurpose[] {
  return input.claim ? ['treatment', 'payment'] : ['treatment'];
}

/** The kinds of information one session push discloses. */
export function disclosedInformation(
  input: SessionBundleInput,
): InformationCategory[] {
  const info: InformationCategory[] = ['progress-notes'];
  if (input.assessments.length > 0) info.push('assessments');
  if (input.appointment.diagnoses.length > 0) info.push('diagnoses');
  if (input.claim) info.push('claims');
  return info;
}
