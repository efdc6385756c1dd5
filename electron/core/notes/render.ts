import { existsSync } from 'node:fs';
import { loadTemplate } from '../drafting/templates';
import type { Draft } from '../drafting/types';
import { resourcePath } from '../paths';

export const NO_CONTENT_TEXT =
  'No clinical content was captured in this session.';

/**
 * The note as plain text (for the DocumentReference, the PDF and the
 * editor): the template's title, then each section's title and one
 * sentence a line, so clinician edits diff line by line.
 */
export function renderNoteText(draft: Draft): string {
  const lines = [templateTitle(draft.format), ''];
  if (draft.noContent) return [...lines, NO_CONTENT_TEXT, ''].join('\n');

  for (const section of draft.sections) {
    lines.push(section.title);
    lines.push(...section.sentences.map((s) => s.text));
    lines.push('');
  }
  return lines.join('\n');
}

function templateTitle(format: string): string {
  if (!existsSync(resourcePath('templates', `${format}.json`)))
    return `${format.toUpperCase()} progress note`;
  return loadTemplate(format).title;
}
