import { readFileSync } from 'node:fs';
import { resourcePath } from '../paths';

interface CodeEntry {
  code: string;
  description: string;
}

const tables = new Map<string, Map<string, string>>();

function table(file: string): Map<string, string> {
  let found = tables.get(file);
  if (!found) {
    const data = JSON.parse(
      readFileSync(resourcePath('codes', file), 'utf8'),
    ) as {
      codes: CodeEntry[];
    };
    found = new Map(data.codes.map((entry) => [entry.code, entry.description]));
    tables.set(file, found);
  }
  return found;
}

/** Hushnote's own short description of a CPT code (resources/codes). */
export function cptDescription(code: string): string {
  return table('cpt-behavioral.json').get(code) ?? code;
}

/** Short description of an ICD-10-CM code, when it is in the local table. */
export function icdDescription(code: string): string | undefined {
  return table('icd10cm-behavioral.json').get(code);
}

export function posDescription(code: string): string {
  return table('place-of-service.json').get(code) ?? code;
}

/** Whether a modifier is a HCPCS level II modifier (GT, FQ, GQ) or CPT. */
export function modifierSystem(code: string): 'cpt' | 'hcpcs' {
  return /^[A-Z]/.test(code) ? 'hcpcs' : 'cpt';
}
