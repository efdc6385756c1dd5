import { AppError } from '../../contract/errors';
import { log } from '../log/logger';
import { cptDescription } from './codeTable';
import {
  crisisCodes,
  familyCodes,
  groupCodes,
  intakeCodes,
  psychotherapyCodes,
  type Draft,
} from './cptRules';
import { credentialClass, type CredentialClass } from './credentials';
import { interactiveComplexity } from './interactiveComplexity';
import {
  resolveProfile,
  type PayerProfile,
  type Placement,
} from './payerProfile';
import { isEmCode, sameDayConflict } from './sameDay';
import type { BillingSuggestion, SuggestInput } from './types';

/**
 * Suggests the CPT lines for one session from measured minutes, the service,
 * whether an E/M was billed, the rendering credential and the payer profile.
 * It never throws for a rule outcome: a code the rules refuse comes back as
 * `blocked` with its reason. Malformed input (negative minutes, unknown
 * credential or payer) throws `billing_invalid`.
 */
export function suggestCodes(input: SuggestInput): BillingSuggestion {
  assertMinutes(input.minutes);
  const profile = resolveProfile(input.payerProfile);
  const credential = credentialClass(input.credential);
  const sameDay = input.sameDayCodes ?? [];
  const withEm = resolveWithEm(input, sameDay);

  const draft = baseDraft(input, profile, withEm.value);
  if (withEm.note) draft.reasons.unshift(withEm.note);
  applyInteractiveComplexity(draft, input);
  applyCredential(draft, profile, credential, input.credential);
  applySameDay(draft, sameDay);

  const placement = profile.telehealth[input.modality][input.clientLocation];
  applyPlacement(draft, placement, input, profile);
  return finish(draft, placement, {
    service: input.service,
    minutes: input.minutes,
    modality: input.modality,
    clientLocation: input.clientLocation,
    payer: profile.name,
    credentialClass: credential,
    withEm: withEm.value,
  });
}

function assertMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60) {
    throw new AppError(
      'billing_invalid',
      'Minutes must be a number from 0 to 1440.',
    );
  }
}

function resolveWithEm(
  input: SuggestInput,
  sameDay: readonly string[],
): { value: boolean; note?: string } {
  if (input.withEm) return { value: true };
  // For intake a same-day E/M is a conflict, not medical services (90792).
  if (input.service === 'intake') return { value: false };
  const em = sameDay.find(isEmCode);
  if (!em) return { value: false };
  return {
    value: true,
    note: `${em} is billed the same day, so the E/M rules apply (CPT; Noridian JEB).`,
  };
}

function baseDraft(
  input: SuggestInput,
  profile: PayerProfile,
  withEm: boolean,
): Draft {
  const minutes = Math.floor(input.minutes);
  switch (input.service) {
    case 'psychotherapy':
      return psychotherapyCodes(minutes, withEm);
    case 'crisis':
      return crisisCodes(minutes, withEm);
    case 'family':
      return familyCodes(minutes, false, profile.familyMinMinutes);
    case 'family-with-client':
      return familyCodes(minutes, true, profile.familyMinMinutes);
    case 'group':
      return groupCodes(input.groupParticipants, profile.groupMaxParticipants);
    case 'intake':
      // For intake, "with E/M" means the evaluation included medical services.
      return intakeCodes(withEm, {
        minDays: profile.intakeRepeatMinDays,
        daysSinceLast: input.daysSinceLastIntake,
      });
  }
}

function applyInteractiveComplexity(draft: Draft, input: SuggestInput): void {
  if (!input.interactiveComplexity || draft.blocked) return;
  const outcome = interactiveComplexity(
    input.interactiveComplexity,
    draft.codes,
  );
  if (outcome.add) {
    draft.codes.push({ cpt: '90785', units: 1 });
    draft.reasons.push(outcome.reason);
  } else {
    draft.warnings.push(`90785 refused: ${outcome.reason}`);
  }
}

function applyCredential(
  draft: Draft,
  profile: PayerProfile,
  cls: CredentialClass,
  credential: string,
): void {
  if (draft.blocked) return;
  const rule = profile.credentials[cls];
  const label = credential.slice(0, 20);
  if (!rule.mayBill) {
    block(
      draft,
      `${profile.displayName} does not accept claims rendered by ${label} (${cls}).`,
    );
    return;
  }
  const excluded = draft.codes.find((line) =>
    rule.excludedCodes.includes(line.cpt),
  );
  if (excluded) {
    block(
      draft,
      `${label} (${cls}) may not bill ${excluded.cpt} with ${profile.displayName} (payer profile credential limits; 90792 and the E/M add-ons need E/M scope, FCSO 0459457).`,
    );
  }
}

function applySameDay(draft: Draft, sameDay: readonly string[]): void {
  if (draft.blocked || sameDay.length === 0) return;
  const conflict = sameDayConflict(
    draft.codes.map((line) => line.cpt),
    sameDay,
  );
  if (conflict) block(draft, conflict);
}

function applyPlacement(
  draft: Draft,
  placement: Placement,
  input: SuggestInput,
  profile: PayerProfile,
): void {
  const how = `${input.modality} with the client at ${input.clientLocation === 'home' ? 'home' : 'another location'}`;
  if (placement.allowed === false) {
    block(
      draft,
      `${profile.displayName} does not cover ${how}${placement.note ? `: ${placement.note}` : ''}.`,
    );
    return;
  }
  const mods =
    placement.modifiers.length > 0
      ? ` with modifier ${placement.modifiers.join(', ')}`
      : ' with no telehealth modifier';
  const reason = `${how}: POS ${placement.pos}${input.modality === 'in-person' ? '' : mods} (payer profile ${profile.name}).`;
  draft.reasons.push(placement.note ? `${reason} ${placement.note}.` : reason);
}

function block(draft: Draft, reason: string): void {
  draft.blocked = reason;
  draft.codes = [];
  draft.reasons.push(reason);
}

function finish(
  draft: Draft,
  placement: Placement,
  basis: BillingSuggestion['basis'],
): BillingSuggestion {
  const lines = draft.codes.map((line) => ({
    cpt: line.cpt,
    units: line.units,
    modifiers: [...placement.modifiers],
    pos: placement.pos,
    description: cptDescription(line.cpt),
  }));
  const suggestion: BillingSuggestion = {
    lines,
    placeOfService: placement.pos,
    reasons: draft.reasons,
    warnings: draft.warnings,
    basis,
  };
  if (draft.blocked) suggestion.blocked = draft.blocked;
  log().debug('billing.suggested', {
    kind: basis.service,
    lineCount: lines.length,
    status: draft.blocked ? 'blocked' : 'ok',
  });
  return suggestion;
}
