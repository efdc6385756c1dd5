import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { resourcePath } from '../paths';
import { FACT_KINDS } from './facts';

/**
 * A note template is data (resources/templates/<id>.json): its sections,
 * which fact kinds each holds, and which are required. Clinicians add their
 * own templates in the same format under <data dir>/templates.
 */
const sectionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  title: z.string().min(1),
  loinc: z.string().optional(),
  guidance: z.string(),
  kinds: z.array(z.enum(FACT_KINDS)).min(1),
  required: z.array(z.enum(FACT_KINDS)),
});

export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    name: z.string().min(1),
    title: z.string().min(1),
    source: z.string().optional(),
    riskSection: z.string(),
    planSection: z.string(),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine(checkSectionRefs);

export type NoteTemplate = z.infer<typeof templateSchema>;
export type TemplateSection = NoteTemplate['sections'][number];

function checkSectionRefs(
  t: { riskSection: string; planSection: string; sections: TemplateSection[] },
  ctx: z.RefinementCtx,
): void {
  const ids = new Set(t.sections.map((s) => s.id));
  for (const ref of [t.riskSection, t.planSection]) {
    if (!ids.has(ref))
      ctx.addIssue({ code: 'custom', message: `no section "${ref}"` });
  }
  if (ids.size !== t.sections.length)
    ctx.addIssue({ code: 'custom', message: 'duplicate section id' });
  const risk = t.sections.find((s) => s.id === t.riskSection);
  if (risk && !risk.kinds.includes('risk')) {
    // DOMAIN.md 1.9 item 6: risk must always have a home in the note.
    ctx.addIssue({
      code: 'custom',
      message: 'the risk section must hold risk facts',
    });
  }
}

export interface TemplateDirs {
  /** Clinician-added templates; a custom id may not shadow a built-in one. */
  customDir?: string;
}

/** Loads one template by id, built-in first, then the custom folder. */
export function loadTemplate(
  id: string,
  dirs: TemplateDirs = {},
): NoteTemplate {
  const builtIn = resourcePath('templates', `${id}.json`);
  if (/^[a-z][a-z0-9_-]*$/.test(id) && existsSync(builtIn))
    return readTemplate(builtIn);

  const custom = dirs.customDir
    ? path.join(dirs.customDir, `${id}.json`)
    : undefined;
  if (custom && /^[a-z][a-z0-9_-]*$/.test(id) && existsSync(custom))
    return readTemplate(custom);
  throw new AppError('not_found', `No note template named "${safeId(id)}".`);
}

/** All templates: the built-ins, then valid custom ones with new ids. */
export function listTemplates(dirs: TemplateDirs = {}): NoteTemplate[] {
  const found = jsonFiles(resourcePath('templates')).map(readTemplate);
  const ids = new Set(found.map((t) => t.id));
  for (const file of dirs.customDir ? jsonFiles(dirs.customDir) : []) {
    const template = readTemplate(file);
    if (!ids.has(template.id)) found.push(template);
    ids.add(template.id);
  }
  return found;
}

/** Parses and validates a template file; a bad file is a clear error. */
export function readTemplate(file: string): NoteTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError(
      'invalid_request',
      `Template ${path.basename(file)} is not valid JSON.`,
      { cause },
    );
  }
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message ?? 'invalid';
    throw new AppError(
      'invalid_request',
      `Template ${path.basename(file)} is invalid: ${first}.`,
    );
  }
  return parsed.data;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

function safeId(id: string): string {
  return id.replace(/[^a-z0-9_-]/gi, '').slice(0, 40);
}
