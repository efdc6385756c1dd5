import { AppError } from '../../contract/errors';
import type {
  ConsentRecipient,
  DisclosurePurpose,
  DisclosureRecipient,
  InformationCategory,
  Part2Consent,
} from './part2Consent';

/** One intended disclosure of a Part 2 client's record. */
export interface DisclosureRequest {
  recipient: DisclosureRecipient;
  purposes: DisclosurePurpose[];
  information: InformationCategory[];
  at: Date;
}

export type Part2Decision =
  { allowed: true; consent: Part2Consent } | { allowed: false; reason: string };

/**
 * The §2.31(a) elements a consent lacks; empty when it is complete. The
 * messages name the element, never its content.
 */
export function missingConsentElements(consent: Part2Consent): string[] {
  const missing: string[] = [];
  const need = (ok: boolean, element: string) => {
    if (!ok) missing.push(element);
  };
  need(consent.patientName.trim() !== '', 'patient name (§2.31(a)(1))');
  need(consent.discloser.trim() !== '', 'who may disclose (§2.31(a)(2))');
  need(
    consent.information.length > 0 &&
      consent.informationDescription.trim() !== '',
    'description of the information (§2.31(a)(3))',
  );
  need(consent.recipients.length > 0, 'recipients (§2.31(a)(4))');
  need(consent.purposes.length > 0, 'purpose (§2.31(a)(5))');
  need(
    consent.revocationStatement.trim() !== '',
    'right to revoke (§2.31(a)(6))',
  );
  need(hasExpiration(consent), 'expiration (§2.31(a)(7))');
  need(
    consent.signedBy.trim() !== '' && isDate(consent.signedAt),
    'signature and date (§2.31(a)(8))',
  );
  if (isTpo(consent)) {
    need(
      Boolean(consent.redisclosureStatement?.trim()),
      'TPO redisclosure statement (§2.31(a)(4))',
    );
    need(
      Boolean(consent.refusalStatement?.trim()),
      'consequences of refusing to sign (§2.31(a)(9))',
    );
  }
  return missing;
}

/**
 * Decides whether a Part 2 record may go to `request.recipient`: a complete,
 * signed, unexpired, unrevoked consent must name the recipient (or its
 * class), every purpose and every kind of information disclosed (§2.31,
 * §2.33). SUD counseling notes need their own consent and are never
 * disclosed under this one.
 */
export function checkPart2Disclosure(
  consent: Part2Consent | undefined,
  request: DisclosureRequest,
): Part2Decision {
  if (!consent) {
    return refuse('no 42 CFR Part 2 consent is on file for this client');
  }
  const missing = missingConsentElements(consent);
  if (missing.length > 0) {
    return refuse(`the Part 2 consent lacks ${missing.join(', ')}`);
  }
  const timing = timingProblem(consent, request.at);
  if (timing) return refuse(timing);

  if (!consent.recipients.some((r) => covers(r, request.recipient))) {
    return refuse(
      `the Part 2 consent does not name ${request.recipient.name} ` +
        `or the class ${request.recipient.class}`,
    );
  }
  const purposes = request.purposes.filter(
    (p) => !consent.purposes.includes(p),
  );
  if (purposes.length > 0) {
    return refuse(`the Part 2 consent does not cover: ${purposes.join(', ')}`);
  }
  const info = request.information.filter(
    (i) => i === 'sud-counseling-notes' || !consent.information.includes(i),
  );
  if (info.length > 0) {
    return refuse(`the Part 2 consent does not cover: ${info.join(', ')}`);
  }
  return { allowed: true, consent };
}

/** Throws `consent_required` with the reason when the decision refuses. */
export function assertDisclosureAllowed(decision: Part2Decision): Part2Consent {
  if (!decision.allowed) {
    throw new AppError('consent_required', `Push blocked: ${decision.reason}.`);
  }
  return decision.consent;
}

function timingProblem(consent: Part2Consent, at: Date): string | undefined {
  if (consent.revokedAt && Date.parse(consent.revokedAt) <= at.getTime()) {
    return 'the client revoked the Part 2 consent';
  }
  if (Date.parse(consent.signedAt) > at.getTime()) {
    return 'the Part 2 consent was signed after this disclosure';
  }
  const exp = consent.expiration;
  if ('date' in exp && endOfDay(exp.date) < at.getTime()) {
    return `the Part 2 consent expired on ${exp.date}`;
  }
  return undefined;
}

function covers(granted: ConsentRecipient, to: DisclosureRecipient): boolean {
  if ('class' in granted) return granted.class === to.class;
  return granted.name.trim().toLowerCase() === to.name.trim().toLowerCase();
}

function hasExpiration(consent: Part2Consent): boolean {
  const exp = consent.expiration;
  if ('date' in exp) return isDate(exp.date);
  // "none" is allowed only for TPO consents (§2.31(a)(7)).
  if (exp.event.trim().toLowerCase() === 'none') return isTpo(consent);
  return exp.event.trim() !== '';
}

function isTpo(consent: Part2Consent): boolean {
  return consent.purposes.some(
    (p) => p === 'treatment' || p === 'payment' || p === 'operations',
  );
}

function isDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}

function endOfDay(date: string): number {
  const ms = Date.parse(date);
  return date.length <= 10 ? ms + 86_400_000 - 1 : ms;
}

function refuse(reason: string): Part2Decision {
  return { allowed: false, reason };
}
