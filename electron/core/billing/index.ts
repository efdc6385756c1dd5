/**
 * Billing: CPT suggestion, documentation check, claims (837P, FHIR Claim)
 * and the per-payer outbox. Other modules import from here.
 */
export { suggestCodes } from './suggestCodes';
export type {
  BillingSuggestion,
  SuggestedLine,
  SuggestInput,
  InteractiveComplexity,
} from './types';
export {
  sessionMinutes,
  zonedInstant,
  localDate,
  type SessionTimeline,
  type TimeSpan,
} from './sessionMinutes';
export {
  checkDocumentation,
  type DocumentedNote,
  type DocumentationCheck,
  type Problem,
} from './documentation';
export { buildClaim, type Claim, type BuildClaimOptions } from './claim';
export { generate837P, type Envelope } from './x12/generate837P';
export { check837P, type Check837PReport } from './x12/check837P';
export { toFhirClaim } from './fhirClaim';
export { writeClaimToOutbox } from './outbox';
export { isValidNpi } from './npi';
export { claimDiagnoses, normalizeIcd } from './diagnoses';
export { loadPayerProfile, type PayerProfile } from './payerProfile';
export { credentialClass, type CredentialClass } from './credentials';
export { QUALIFYING_FACTORS } from './interactiveComplexity';
