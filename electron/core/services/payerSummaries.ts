import { readdirSync } from 'node:fs';
import type {
  PayerPlacementView,
  PayerSummaryView,
} from '../../contract/contract';
import { isAppError } from '../../contract/errors';
import { loadPayerProfile, type PayerProfile } from '../billing/payerProfile';
import { resourcePath } from '../paths';

const MODALITIES = ['video', 'audio', 'in-person'] as const;
const LOCATIONS = ['home', 'other'] as const;

/** The names of the payer profiles under resources/payers. */
export function payerProfileNames(): string[] {
  return readdirSync(resourcePath('payers'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/**
 * Each payer profile's telehealth rules for Settings, through the loader
 * billing uses, so Settings shows what claims will carry. A profile that
 * does not load is listed with the loader's reason, not hidden.
 */
export function payerSummaries(
  names: readonly string[] = payerProfileNames(),
): PayerSummaryView[] {
  return names.map((name) => {
    try {
      return summarize(loadPayerProfile(name));
    } catch (error) {
      if (!isAppError(error)) throw error;
      return {
        name,
        displayName: name,
        effective: '',
        claimFilingIndicator: '',
        placements: [],
        problem: error.message,
      };
    }
  });
}

function summarize(profile: PayerProfile): PayerSummaryView {
  const placements = MODALITIES.flatMap((modality) =>
    LOCATIONS.map((location): PayerPlacementView => {
      const rule = profile.telehealth[modality][location];
      return {
        modality,
        location,
        pos: rule.pos,
        modifiers: [...rule.modifiers],
        allowed: rule.allowed ?? true,
        ...(rule.note === undefined ? {} : { note: rule.note }),
      };
    }),
  );
  return {
    name: profile.name,
    displayName: profile.displayName,
    effective: profile.effective,
    claimFilingIndicator: profile.claimFilingIndicator,
    placements,
  };
}
