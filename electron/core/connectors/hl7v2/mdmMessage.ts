import { createHash } from 'node:crypto';
import type { SessionView } from '../bundleView';

/** Sender and receiver names for MSH-3..6. */
export interface MdmParties {
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
}

/**
 * Builds an HL7 v2.5.1 MDM^T02 (original document notification and content)
 * carrying the signed note: TXA describes the document, one OBX|TX per line
 * of text and, when present, the PDF as an OBX|ED in Base64. MSH-10 and
 * TXA-12 are stable per note, so receivers can discard a replay.
 */
export function buildMdmT02(
  view: SessionView,
  parties: MdmParties,
  now: Date,
): string {
  const controlId = mdmControlId(view);
  const type = view.documentType;
  const docType = [
    type.code,
    type.display,
    type.system === 'http://loinc.org' ? 'LN' : 'L',
  ]
    .map((x) => esc(x ?? ''))
    .join('^');
  const segments = [
    field(
      'MSH',
      '^~\\&',
      esc(parties.sendingApplication),
      esc(parties.sendingFacility),
      esc(parties.receivingApplication),
      esc(parties.receivingFacility),
      hl7Time(now.toISOString()),
      '',
      'MDM^T02^MDM_T02',
      controlId,
      'P',
      '2.5.1',
    ),
    field('EVN', 'T02', hl7Time(now.toISOString())),
    pid(view),
    pv1(view),
    txa(view, docType),
  ];
  view.noteText.split(/\r?\n/).forEach((line, i) => {
    segments.push(
      field(
        'OBX',
        String(i + 1),
        'TX',
        docType,
        '1',
        esc(line),
        '',
        '',
        '',
        '',
        '',
        'F',
      ),
    );
  });
  if (view.notePdf) {
    const n = String(segments.length - 4);
    const ed = [
      'Hushnote',
      'application',
      'pdf',
      'Base64',
      view.notePdf.toString('base64'),
    ].join('^');
    segments.push(
      field(
        'OBX',
        n,
        'ED',
        'PDF^Note as PDF^L',
        '2',
        ed,
        '',
        '',
        '',
        '',
        '',
        'F',
      ),
    );
  }
  return `${segments.join('\r')}\r`;
}

/** MSH-10: 20 characters derived from the note's identifier. */
export function mdmControlId(view: SessionView): string {
  return createHash('sha256')
    .update(view.deliveryKey)
    .digest('hex')
    .slice(0, 20)
    .toUpperCase();
}

function pid(view: SessionView): string {
  const p = view.patient;
  const name = p.name?.[0];
  const a = p.address?.[0];
  const mrn = `${esc(p.identifier?.[0]?.value ?? '')}^^^HUSHNOTE^MR`;
  const xpn = `${esc(name?.family ?? '')}^${esc(name?.given?.[0] ?? '')}`;
  const sex = p.gender === 'female' ? 'F' : p.gender === 'male' ? 'M' : 'U';
  const xad = a
    ? [a.line?.[0], a.line?.[1], a.city, a.state, a.postalCode]
        .map((x) => esc(x ?? ''))
        .join('^')
    : '';
  return field(
    'PID',
    '1',
    '',
    mrn,
    '',
    xpn,
    '',
    (p.birthDate ?? '').replaceAll('-', ''),
    sex,
    '',
    '',
    xad,
  );
}

function pv1(view: SessionView): string {
  // PV1-2 O: outpatient; PV1-7 attending = the rendering clinician.
  return field(
    'PV1',
    '1',
    'O',
    '',
    '',
    '',
    '',
    provider(view),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    esc(view.encounter.identifier?.[0]?.value ?? ''),
  );
}

function txa(view: SessionView, docType: string): string {
  const d = view.document;
  const start = view.encounter.period?.start ?? '';
  const signed = hl7Time(d.date ?? start);
  // TXA-17 AU authenticated; TXA-18 R restricted for Part 2, else U usual.
  return field(
    'TXA',
    '1',
    docType,
    'TX',
    hl7Time(start),
    provider(view),
    signed,
    '',
    '',
    provider(view),
    '',
    '',
    esc(d.identifier?.[0]?.value ?? ''),
    '',
    '',
    '',
    '',
    'AU',
    view.part2 ? 'R' : 'U',
    'AV',
    '',
    '',
    provider(view),
  );
}

function provider(view: SessionView): string {
  const pr = view.practitioner;
  const npi = pr?.identifier?.[0]?.value ?? '';
  const text = pr?.name?.[0]?.text ?? '';
  const [given, ...rest] = text.split(' ');
  return `${esc(npi)}^${esc(rest.join(' '))}^${esc(given ?? '')}`;
}

function field(...parts: string[]): string {
  return parts.join('|').replace(/\|+$/, '');
}

/** HL7 v2 escape sequences for the delimiters (v2.5.1 §2.7). */
export function esc(text: string): string {
  return text
    .replaceAll('\\', '\\E\\')
    .replaceAll('|', '\\F\\')
    .replaceAll('^', '\\S\\')
    .replaceAll('&', '\\T\\')
    .replaceAll('~', '\\R\\')
    .replace(/[\r\n]/g, ' ');
}

/** FHIR dateTime → HL7 DTM `YYYYMMDDHHMMSS±ZZZZ`, keeping the offset. */
export function hl7Time(iso: string): string {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?/.exec(
      iso,
    );
  if (!m) return '';
  const [, y, mo, d, h, mi, s, tz] = m;
  if (!h) return `${y}${mo}${d}`;
  const zone = !tz || tz === 'Z' ? '+0000' : tz.replace(':', '');
  return `${y}${mo}${d}${h}${mi}${s ?? '00'}${zone}`;
}
