import type { Claim, ClaimPerson } from '../claim';
import { icdForX12 } from '../diagnoses';
import { amount, composite, d8, digits, id, segment, text } from './x12Text';

/** Allocates HL numbers in order; each HL points to its parent. */
export interface HlCounter {
  next(): number;
}

// PAT01 individual relationship codes (837P 2000C): 01 spouse, 19 child,
// G8 other relationship.
const RELATIONSHIP: Record<'spouse' | 'child' | 'other', string> = {
  spouse: '01',
  child: '19',
  other: 'G8',
};

/**
 * Loops 2000B (subscriber) through 2400 (lines) for one claim, under the
 * billing provider HL `parent`. With a distinct client, 2000B has a child
 * 2000C and the claim hangs there (837P TR3 hierarchy).
 */
export function claimSegments(
  claim: Claim,
  parent: number,
  hl: HlCounter,
): string[] {
  const subscriberHl = hl.next();
  const hasPatient = claim.patient !== undefined;
  const out = [
    segment(
      'HL',
      String(subscriberHl),
      String(parent),
      '22',
      hasPatient ? '1' : '0',
    ),
    segment(
      'SBR',
      'P',
      hasPatient ? '' : '18',
      id(claim.subscriber.groupNumber ?? '', 50),
      '',
      '',
      '',
      '',
      '',
      claim.payer.filingIndicator,
    ),
    ...personName('IL', claim.subscriber, [
      'MI',
      id(claim.subscriber.memberId),
    ]),
    ...(hasPatient ? [] : demographics(claim.subscriber)),
    segment(
      'NM1',
      'PR',
      '2',
      text(claim.payer.name),
      '',
      '',
      '',
      '',
      'PI',
      id(claim.payer.id),
    ),
  ];
  if (claim.patient) {
    out.push(
      segment('HL', String(hl.next()), String(subscriberHl), '23', '0'),
      segment('PAT', RELATIONSHIP[claim.patient.relationship]),
      ...personName('QC', claim.patient),
      ...demographics(claim.patient),
    );
  }
  return [
    ...out,
    ...claimInfo(claim),
    ...providers(claim),
    ...serviceLines(claim),
  ];
}

function personName(
  qualifier: string,
  p: ClaimPerson,
  idPair?: [string, string],
): string[] {
  const [q, value] = idPair ?? [undefined, undefined];
  return [
    segment(
      'NM1',
      qualifier,
      '1',
      text(p.familyName),
      text(p.givenName, 35),
      '',
      '',
      '',
      q,
      value,
    ),
  ];
}

function demographics(p: ClaimPerson): string[] {
  return [...address(p.address), segment('DMG', 'D8', d8(p.birthDate), p.sex)];
}

export function address(a: Claim['billingProvider']['address']): string[] {
  const lines = a.line.map((l) => text(l, 55)).filter((l) => l.length > 0);
  return [
    segment('N3', lines[0] ?? '', lines[1]),
    segment('N4', text(a.city, 30), text(a.state, 2), digits(a.postalCode)),
  ];
}

function claimInfo(claim: Claim): string[] {
  const out = [
    // CLM05: place of service : B (professional) : frequency; CLM06 provider
    // signature on file, CLM07 assigned, CLM08 benefits assigned, CLM09
    // release of information (837P TR3 2300).
    segment(
      'CLM',
      id(claim.accountNumber, 38),
      amount(claim.totalCharge),
      '',
      '',
      composite(claim.placeOfService, 'B', claim.frequency),
      'Y',
      'A',
      'Y',
      'Y',
    ),
  ];
  if (claim.priorAuthorization)
    out.push(segment('REF', 'G1', id(claim.priorAuthorization, 50)));
  if (claim.originalClaimRef)
    out.push(segment('REF', 'F8', id(claim.originalClaimRef, 50)));

  // HI: principal ABK, others ABF, no decimal point (CMS FAQ 12889).
  const codes = claim.diagnoses.map((d, i) =>
    composite(i === 0 ? 'ABK' : 'ABF', icdForX12(d.code)),
  );
  out.push(segment('HI', ...codes));
  return out;
}

function providers(claim: Claim): string[] {
  const out: string[] = [];
  const r = claim.rendering;
  if (r) {
    out.push(
      segment(
        'NM1',
        '82',
        '1',
        text(r.familyName),
        text(r.givenName, 35),
        '',
        '',
        '',
        'XX',
        r.npi,
      ),
      segment('PRV', 'PE', 'PXC', r.taxonomy),
    );
  }
  const f = claim.serviceFacility;
  if (f) {
    out.push(
      segment(
        'NM1',
        '77',
        '2',
        text(f.name),
        '',
        '',
        '',
        '',
        f.npi ? 'XX' : '',
        f.npi,
      ),
      ...address(f.address),
    );
  }
  return out;
}

function serviceLines(claim: Claim): string[] {
  return claim.lines.flatMap((line, i) => [
    segment('LX', String(i + 1)),
    segment(
      'SV1',
      composite('HC', line.cpt, ...line.modifiers.slice(0, 4)),
      amount(line.charge),
      'UN',
      String(line.units),
      // SV105 only when the line's POS differs from CLM05-1.
      line.pos === claim.placeOfService ? '' : line.pos,
      '',
      composite(...line.pointers.slice(0, 4).map(String)),
    ),
    segment('DTP', '472', 'D8', d8(line.serviceDate)),
  ]);
}
