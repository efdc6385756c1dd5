import type {
  Claim,
  Observation,
  QuestionnaireResponse,
} from '@medplum/fhirtypes';
import type { Appointment } from '../domain/appointment';
import type { Part2Consent } from '../part2/part2Consent';

/** One titled section of the signed note (SOAP, BIRP, DAP, GIRP ...). */
export interface NoteSection {
  /** Stable key within the template, e.g. `subjective`. */
  key: string;
  title: string;
  text: string;
  /** LOINC section code (DOMAIN.md §2); unmapped sections use text only. */
  loinc?: string;
}

/** The clinician who attested the note. */
export interface NoteSigner {
  id: string;
  name: string;
  credential: string;
  npi: string;
}

/** The signed note as the connectors disclose it. */
export interface SignedNote {
  /** The note id in Hushnote's store. */
  id: string;
  format: string;
  sections: NoteSection[];
  /** The full note as plain text (what the text/plain attachment holds). */
  text: string;
  signer: NoteSigner;
  signedAt: string;
  /** Whether a model drafted it (adds the AIAST tag and a Device agent). */
  aiAssisted: boolean;
}

/**
 * One scored instrument, already in FHIR form: the assessments module's
 * `toFhirQuestionnaireResponse` / `toFhirObservations` produce these. The
 * bundle builder re-points their subject, encounter and inner references.
 */
export interface AssessmentFhir {
  instrument: string;
  questionnaireResponse: QuestionnaireResponse;
  observations: Observation[];
}

/** Part 2 facts for the session: the program and the consent on file. */
export interface Part2Context {
  program: string;
  consent?: Part2Consent;
}

/**
 * Everything a connector needs to disclose one signed session. The lead's
 * pipeline fills it from the appointment, the signed note, the assessments
 * and the billing module's `toFhirClaim`.
 */
export interface SessionBundleInput {
  sessionId: string;
  appointment: Appointment;
  /** Face-to-face times, ISO 8601 with an offset (FHIR dateTime needs tz). */
  encounter: { start: string; end: string };
  note: SignedNote;
  assessments: AssessmentFhir[];
  claim?: Claim;
  /** Present when the client or program is covered by 42 CFR Part 2. */
  part2?: Part2Context;
}
