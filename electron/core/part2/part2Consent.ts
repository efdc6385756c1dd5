/**
 * A 42 CFR Part 2 consent as Hushnote records it. Every field maps to a
 * required element of 42 CFR §2.31(a) (2024 final rule, 89 FR 12472).
 */
export interface Part2Consent {
  id: string;
  /** §2.31(a)(1): the patient's name. */
  patientName: string;
  /** §2.31(a)(2): who may disclose (the Part 2 program or practice). */
  discloser: string;
  /** §2.31(a)(3): a specific and meaningful description of the information. */
  information: InformationCategory[];
  informationDescription: string;
  /** §2.31(a)(4): recipients by name or class. */
  recipients: ConsentRecipient[];
  /** §2.31(a)(5): purposes; `patient-request` is allowed as a purpose. */
  purposes: DisclosurePurpose[];
  /** §2.31(a)(6): the right to revoke and how to do it. */
  revocationStatement: string;
  /** §2.31(a)(7): an ISO date, or an event such as `end of treatment`; TPO consents may say `none`. */
  expiration: { date: string } | { event: string };
  /** §2.31(a)(8): signature and date. */
  signedBy: string;
  signedAt: string;
  /** §2.31(a)(4)(i)-(ii) TPO consents: the HIPAA redisclosure statement. */
  redisclosureStatement?: string;
  /** §2.31(a)(9): the consequences of refusing to sign (TPO consents). */
  refusalStatement?: string;
  /** Set when the client revokes in writing (§2.31(a)(6)). */
  revokedAt?: string;
}

/** What kind of information a disclosure carries. */
export type InformationCategory =
  | 'progress-notes'
  | 'assessments'
  | 'diagnoses'
  | 'claims'
  | 'sud-counseling-notes';

export type DisclosurePurpose =
  'treatment' | 'payment' | 'operations' | 'patient-request';

/** A recipient named in the consent, or a class of recipients. */
export type ConsentRecipient = { name: string } | { class: RecipientClass };

/** The recipient classes §2.31(a)(4)(i) allows a TPO consent to name. */
export type RecipientClass =
  | 'treating-providers'
  | 'health-plans'
  | 'third-party-payers'
  | 'program-operations';

/** Who receives a disclosure: what a connector says about its endpoint. */
export interface DisclosureRecipient {
  name: string;
  class: RecipientClass;
}
