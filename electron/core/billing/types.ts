import type { ClientLocation, Modality, Service } from '../domain/appointment';
import type { CredentialClass } from './credentials';
import type { PayerProfile } from './payerProfile';

/** One billable service line: a CPT code with its units and modifiers. */
export interface SuggestedLine {
  cpt: string;
  units: number;
  modifiers: string[];
  /** CMS place of service for this line (two digits). */
  pos: string;
  /** Hushnote's own short description (never the AMA descriptor). */
  description: string;
}

/**
 * The outcome of the rules engine for one session. `lines` is empty when
 * `blocked` says why nothing can be billed; `reasons` explain every choice
 * in words a biller can check against the note.
 */
export interface BillingSuggestion {
  lines: SuggestedLine[];
  placeOfService: string;
  reasons: string[];
  warnings: string[];
  blocked?: string;
  /** Inputs the suggestion rests on, kept for the documentation check. */
  basis: SuggestionBasis;
}

export interface SuggestionBasis {
  service: Service;
  minutes: number;
  modality: Modality;
  clientLocation: ClientLocation;
  payer: string;
  credentialClass: CredentialClass;
  withEm: boolean;
}

/** A documented qualifying factor for 90785 (CPT; APA Services 2022). */
export interface InteractiveComplexity {
  factor: string;
}

/** What `suggestCodes` needs: measured minutes, E/M, credential, payer. */
export interface SuggestInput {
  service: Service;
  /** Face-to-face minutes of the service, measured, not rounded up. */
  minutes: number;
  modality: Modality;
  clientLocation: ClientLocation;
  /** A profile name under resources/payers, or a loaded profile. */
  payerProfile: string | PayerProfile;
  /** The rendering clinician's credential as written (LCSW, PhD, MD...). */
  credential: string;
  /** An E/M service was billed the same day by the same clinician. */
  withEm?: boolean;
  interactiveComplexity?: InteractiveComplexity | null;
  /** Codes already billed the same day by the same clinician. */
  sameDayCodes?: readonly string[];
  /** Days since this clinician's last diagnostic evaluation of the client. */
  daysSinceLastIntake?: number;
  /** Clients in the group (90853), for the payer's group-size limit. */
  groupParticipants?: number;
}
