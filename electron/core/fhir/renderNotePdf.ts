import {
  PDFDocument,
  StandardFonts,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { SessionBundleInput } from './sessionBundleInput';

const PAGE = { width: 612, height: 792, margin: 54 };
const SIZE = { title: 14, heading: 11, body: 10 };
const LEADING = 1.35;

/**
 * The signed note as a letter-size PDF (header, sections, attestation), for
 * the DocumentReference attachment and the file export. Dates in the PDF
 * metadata are the signing time, so the bytes are the same on every retry.
 */
export async function renderNotePdf(
  input: SessionBundleInput,
  notice?: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const signedAt = new Date(input.note.signedAt);
  doc.setTitle(`${input.note.format} progress note`);
  doc.setCreator('Hushnote');
  doc.setProducer('Hushnote');
  doc.setCreationDate(signedAt);
  doc.setModificationDate(signedAt);

  const writer = new PdfWriter(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  writeHeader(writer, input);
  if (notice) writer.paragraph(notice, SIZE.body);
  for (const section of input.note.sections) {
    writer.heading(section.title);
    writer.paragraph(section.text, SIZE.body);
  }
  writer.heading('Attestation');
  const s = input.note.signer;
  writer.paragraph(
    `Electronically signed by ${s.name}, ${s.credential} (NPI ${s.npi}) at ${input.note.signedAt}.`,
    SIZE.body,
  );
  return doc.save({ useObjectStreams: false });
}

function writeHeader(w: PdfWriter, input: SessionBundleInput): void {
  const a = input.appointment;
  w.line(`${input.note.format} progress note`, SIZE.title, true);
  w.line(
    `Client: ${a.client.givenName} ${a.client.familyName}  DOB ${a.client.birthDate}`,
    SIZE.body,
  );
  w.line(
    `Session: ${input.encounter.start} to ${input.encounter.end} (${a.modality}, ${a.clientLocation})`,
    SIZE.body,
  );
  w.line(`Diagnoses: ${a.diagnoses.map((d) => d.code).join(', ')}`, SIZE.body);
  w.gap();
}

/** Writes wrapped lines top-down, adding pages as they fill. */
class PdfWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  heading(text: string): void {
    this.gap();
    this.line(text, SIZE.heading, true);
  }

  paragraph(text: string, size: number): void {
    for (const raw of text.split('\n')) {
      for (const l of this.wrap(toWinAnsi(raw), size)) this.line(l, size);
    }
  }

  line(text: string, size: number, bold = false): void {
    if (this.y - size < PAGE.margin) {
      this.page = this.doc.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - PAGE.margin;
    }
    this.y -= size * LEADING;
    const font = bold ? this.bold : this.font;
    this.page.drawText(toWinAnsi(text), {
      x: PAGE.margin,
      y: this.y,
      size,
      font,
    });
  }

  gap(): void {
    this.y -= SIZE.body * 0.6;
  }

  private wrap(text: string, size: number): string[] {
    const width = PAGE.width - 2 * PAGE.margin;
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/)) {
      const next = current ? `${current} ${word}` : word;
      if (current && this.font.widthOfTextAtSize(next, size) > width) {
        lines.push(current);
        current = word;
      } else {
        current = next;
      }
    }
    lines.push(current);
    return lines;
  }
}

/** The standard fonts encode WinAnsi only; map common typography, drop the rest. */
function toWinAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');
}
