import type {
  Attachment,
  Composition,
  CompositionSection,
  DocumentReference,
} from '@medplum/fhirtypes';
import { AI_ASSISTED_TAG, CLINICAL_NOTE_CATEGORY, SYSTEM } from '../fhirCodes';
import { hushnoteId, ref, type BundleContext } from './bundleContext';

/**
 * The signed progress note as EHRs ingest it: docStatus final after the
 * clinician's attestation, a text/plain and a PDF attachment (US Core
 * DocumentReference; DOMAIN.md §4.1).
 */
export function buildDocumentReference(ctx: BundleContext): DocumentReference {
  const { input, refs } = ctx;
  const note = input.note;
  return {
    resourceType: 'DocumentReference',
    ...aiMeta(ctx),
    identifier: [hushnoteId('note', note.id)],
    status: 'current',
    docStatus: 'final',
    type: { coding: [ctx.documentType] },
    category: [CLINICAL_NOTE_CATEGORY],
    subject: ref(refs.patient),
    date: note.signedAt,
    author: [ref(refs.practitioner, note.signer.name)],
    authenticator: ref(refs.practitioner, note.signer.name),
    custodian: ref(refs.billingOrg),
    description: `${note.format} progress note`,
    content: attachments(ctx).map((attachment) => ({ attachment })),
    context: {
      encounter: [ref(refs.encounter)],
      period: { start: input.encounter.start, end: input.encounter.end },
    },
  };
}

/** The same note, sectioned, with the §2.32 notice as its last section. */
export function buildComposition(ctx: BundleContext): Composition {
  const { input, refs } = ctx;
  const note = input.note;
  const sections: CompositionSection[] = note.sections.map((s) => ({
    title: s.title,
    ...(s.loinc
      ? { code: { coding: [{ system: SYSTEM.loinc, code: s.loinc }] } }
      : {}),
    text: { status: 'generated', div: xhtml(s.text) },
  }));
  if (ctx.part2Notice) {
    sections.push({
      title: '42 CFR Part 2 notice',
      text: { status: 'generated', div: xhtml(ctx.part2Notice) },
    });
  }
  return {
    resourceType: 'Composition',
    ...aiMeta(ctx),
    identifier: hushnoteId('composition', note.id),
    status: 'final',
    type: { coding: [ctx.documentType] },
    category: [CLINICAL_NOTE_CATEGORY],
    subject: ref(refs.patient),
    encounter: ref(refs.encounter),
    date: note.signedAt,
    author: [ref(refs.practitioner, note.signer.name)],
    title: `Psychotherapy progress note (${note.format})`,
    attester: [
      { mode: 'legal', time: note.signedAt, party: ref(refs.practitioner) },
    ],
    custodian: ref(refs.billingOrg),
    section: sections,
  };
}

/** The disclosed text: for Part 2 clients the notice comes first (§2.32). */
export function disclosedNoteText(ctx: BundleContext): string {
  const text = ctx.input.note.text;
  return ctx.part2Notice ? `${ctx.part2Notice}\n\n${text}` : text;
}

function attachments(ctx: BundleContext): Attachment[] {
  const note = ctx.input.note;
  const title = `${note.format} progress note`;
  const list: Attachment[] = [
    {
      contentType: 'text/plain; charset=utf-8',
      language: 'en-US',
      data: Buffer.from(disclosedNoteText(ctx), 'utf8').toString('base64'),
      title,
      creation: note.signedAt,
    },
  ];
  if (ctx.pdfBase64) {
    list.push({
      contentType: 'application/pdf',
      data: ctx.pdfBase64,
      title: `${title} (PDF)`,
      creation: note.signedAt,
    });
  }
  return list;
}

function aiMeta(ctx: BundleContext): {
  meta?: { security: (typeof AI_ASSISTED_TAG)[] };
} {
  return ctx.input.note.aiAssisted
    ? { meta: { security: [AI_ASSISTED_TAG] } }
    : {};
}

/** Narrative XHTML with the text escaped and line breaks kept. */
export function xhtml(text: string): string {
  const escaped = text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\n', '<br/>');
  return `<div xmlns="http://www.w3.org/1999/xhtml">${escaped}</div>`;
}
