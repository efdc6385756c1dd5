import type { Part2Consent } from './part2Consent';

/**
 * 42 CFR §2.32(a)(1) "Statement 1", as amended by the 2024 final rule
 * (89 FR 12472, 16 Feb 2024). VERIFY against eCFR §2.32 before each release;
 * practices may configure the short Statement 2 instead.
 */
export const PART2_NOTICE_FULL =
  'This record which has been disclosed to you is protected by Federal ' +
  'confidentiality rules (42 CFR part 2). These rules prohibit you from ' +
  'using or disclosing this record, or testimony that describes the ' +
  'information contained in this record, in any civil, criminal, ' +
  'administrative, or legislative proceedings by any Federal, State, or ' +
  'local authority, against the patient, unless authorized by the consent ' +
  'of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized ' +
  'by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the ' +
  'Federal rules prohibit you from making any other use or disclosure of ' +
  'this record unless at least one of the following applies: (A) Further ' +
  'use or disclosure is expressly permitted by the written consent of the ' +
  'individual whose information is being disclosed in this record or as ' +
  'otherwise permitted by 42 CFR part 2. (B) You are a covered entity or ' +
  'business associate and have received the record for treatment, payment, ' +
  'or health care operations, or (C) You have received the record from a ' +
  'covered entity or business associate as permitted by 45 CFR part 164, ' +
  'subparts A and E. A general authorization for the release of medical or ' +
  'other information is NOT sufficient to meet the required elements of ' +
  'written consent to further use or redisclose the record (see 42 CFR 2.31).';

/** 42 CFR §2.32(a)(1) "Statement 2" (2024 wording). */
export const PART2_NOTICE_SHORT =
  '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

/**
 * The text that accompanies each disclosure: the §2.32 notice plus a clear
 * explanation of the consent's scope (§2.32(a)(2)).
 */
export function disclosureNotice(
  consent: Part2Consent,
  statement: 'full' | 'short' = 'full',
): string {
  const notice = statement === 'full' ? PART2_NOTICE_FULL : PART2_NOTICE_SHORT;
  return `${notice}\n\n${consentScope(consent)}`;
}

/** A one-paragraph explanation of what the consent allows. */
export function consentScope(consent: Part2Consent): string {
  const recipients = consent.recipients
    .map((r) => ('class' in r ? r.class.replaceAll('-', ' ') : r.name))
    .join(', ');
  const exp = consent.expiration;
  const until = 'date' in exp ? exp.date : exp.event;
  return (
    `Scope of consent ${consent.id}: ${consent.informationDescription} ` +
    `may be disclosed by ${consent.discloser} to ${recipients} ` +
    `for ${consent.purposes.join(', ')}; signed ${consent.signedAt.slice(0, 10)}; ` +
    `expires: ${until}. ${consent.revocationStatement}`
  );
}
