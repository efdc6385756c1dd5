import type { ClientLocation, Modality } from '../domain/appointment';

/**
 * What the documentation check needs to know about a note: which required
 * elements are present, never their text. The drafting module builds it
 * from the signed note. Booleans say an element is present and non-empty.
 * Sources: Noridian JEB psychotherapy documentation; Medicare CERT findings
 * (DOMAIN.md 1.9).
 */
export interface DocumentedNote {
  /** Documented start and stop, as instants with offsets. */
  start?: string;
  end?: string;
  /** Documented total minutes of the service, when clock times are absent. */
  totalMinutes?: number;
  /** The modality and client location the note records. */
  modality?: Modality;
  clientLocation?: ClientLocation;
  /** Consent to telehealth is recorded. */
  telehealthConsent?: boolean;
  /** Interventions delivered (e.g. "CBT cognitive restructuring"). */
  interventions: readonly string[];
  mentalStatus: boolean;
  riskAssessment: boolean;
  /** Risk was found; a safety plan must then be documented. */
  riskPresent?: boolean;
  safetyPlan?: boolean;
  response: boolean;
  progressTowardGoals: boolean;
  plan: boolean;
  /** Set only once the clinician attests; a draft is not signed. */
  signature?: { signedAt: string; credential: string } | null;
  /** E/M work documented separately from the psychotherapy minutes. */
  emDocumentedSeparately?: boolean;
  /** The qualifying factor for 90785, when documented. */
  interactiveComplexityFactor?: string | null;
  /** Crisis: urgent history, disposition and mobilised resources. */
  crisisAssessment?: boolean;
  disposition?: boolean;
  /** Family codes: whether the client was present. */
  clientPresent?: boolean;
  /** Group: number of participants (NGS LCD L33632). */
  groupParticipants?: number;
}
