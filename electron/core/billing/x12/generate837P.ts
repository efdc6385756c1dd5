import { AppError } from '../../../contract/errors';
import type { Claim } from '../claim';
import { address, claimSegments, type HlCounter } from './claimLoops';
import {
  COMPONENT,
  REPETITION,
  TERMINATOR,
  digits,
  id,
  segment,
  text,
} from './x12Text';

/** The 837P implementation guide version in GS08 and ST03. */
export const X222A1 = '005010X222A1';

/**
 * Who sends the batch to whom, and its control numbers. The submitter is
 * the practice or its billing service (1000A); the receiver is the
 * clearinghouse or payer (1000B).
 */
export interface Envelope {
  senderId: string;
  receiverId: string;
  /** ISA13 interchange control number, 1 to 999999999. */
  controlNumber: number;
  /** Creation time; written in `timeZone` (default UTC). */
  date: Date;
  timeZone?: string;
  submitter: {
    name: string;
    contactName: string;
    phone?: string;
    email?: string;
  };
  receiver: { name: string };
  /** ISA15: P production, T test. */
  usage?: 'P' | 'T';
}

/**
 * Writes one X12 837P 005010X222A1 interchange holding all `claims`: one
 * ISA/GS/ST, one 2000A billing provider HL per billing provider, and under
 * it each claim's subscriber (and client) HLs, numbered in order. SE01
 * counts ST through SE, GE01 the transaction sets, IEA01 the groups.
 */
export function generate837P(
  claims: readonly Claim[],
  envelope: Envelope,
  lineBreak = '\n',
): string {
  if (claims.length === 0)
    throw new AppError('claim_invalid', 'A batch needs at least one claim.');
  assertEnvelope(envelope);
  const stamp = timestamp(envelope.date, envelope.timeZone ?? 'UTC');
  const control = String(envelope.controlNumber).padStart(9, '0');

  const body = [
    segment('ST', '837', '0001', X222A1),
    segment('BHT', '0019', '00', control, stamp.date, stamp.time, 'CH'),
    ...submitterLoops(envelope),
    ...hierarchy(claims),
  ];
  const transaction = [...body, segment('SE', String(body.length + 1), '0001')];

  const all = [
    isa(envelope, stamp, control),
    segment(
      'GS',
      'HC',
      id(envelope.senderId, 15),
      id(envelope.receiverId, 15),
      stamp.date,
      stamp.time,
      String(envelope.controlNumber),
      'X',
      X222A1,
    ),
    ...transaction,
    segment('GE', '1', String(envelope.controlNumber)),
    segment('IEA', '1', control),
  ];
  return all.map((s) => `${s}${TERMINATOR}${lineBreak}`).join('');
}

function assertEnvelope(envelope: Envelope): void {
  const n = envelope.controlNumber;
  if (!Number.isInteger(n) || n < 1 || n > 999_999_999) {
    throw new AppError(
      'claim_invalid',
      'The interchange control number must be 1 to 999999999.',
    );
  }
  if (!id(envelope.senderId) || !id(envelope.receiverId)) {
    throw new AppError(
      'claim_invalid',
      'Sender and receiver IDs are required.',
    );
  }
  if (!envelope.submitter.phone && !envelope.submitter.email) {
    throw new AppError(
      'claim_invalid',
      'The submitter contact needs a phone number or an email.',
    );
  }
}

function submitterLoops(envelope: Envelope): string[] {
  const s = envelope.submitter;
  const contact = s.phone
    ? ['TE', digits(s.phone)]
    : ['EM', id(s.email ?? '', 256)];
  return [
    segment(
      'NM1',
      '41',
      '2',
      text(s.name),
      '',
      '',
      '',
      '',
      '46',
      id(envelope.senderId),
    ),
    segment('PER', 'IC', text(s.contactName), ...contact),
    segment(
      'NM1',
      '40',
      '2',
      text(envelope.receiver.name),
      '',
      '',
      '',
      '',
      '46',
      id(envelope.receiverId),
    ),
  ];
}

/** 2000A per billing provider, then each of its claims, HLs in order. */
function hierarchy(claims: readonly Claim[]): string[] {
  let count = 0;
  const hl: HlCounter = { next: () => ++count };
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.billingProvider.npi}|${claim.billingProvider.taxId}`;
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }

  const out: string[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const parent = hl.next();
    out.push(...billingProvider(first, parent));
    for (const claim of group) out.push(...claimSegments(claim, parent, hl));
  }
  return out;
}

function billingProvider(claim: Claim, hlNumber: number): string[] {
  const bp = claim.billingProvider;
  return [
    segment('HL', String(hlNumber), '', '20', '1'),
    segment('PRV', 'BI', 'PXC', bp.taxonomy),
    segment('NM1', '85', '2', text(bp.name), '', '', '', '', 'XX', bp.npi),
    ...address(bp.address),
    segment('REF', 'EI', digits(bp.taxId)),
  ];
}

interface Stamp {
  date: string;
  time: string;
}

function timestamp(date: Date, timeZone: string): Stamp {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}${get('month')}${get('day')}`,
    time: `${get('hour')}${get('minute')}`,
  };
}

/** ISA is fixed width: IDs padded to 15, 106 characters with its terminator. */
function isa(envelope: Envelope, stamp: Stamp, control: string): string {
  const pad = (value: string, width: number) =>
    value.slice(0, width).padEnd(width, ' ');
  return [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad(id(envelope.senderId, 15), 15),
    'ZZ',
    pad(id(envelope.receiverId, 15), 15),
    stamp.date.slice(2),
    stamp.time,
    REPETITION,
    '00501',
    control,
    '0',
    envelope.usage ?? 'P',
    COMPONENT,
  ].join('*');
}
