import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { resourcePath } from '../paths';
import type { Instrument } from './types';

const option = z.object({
  value: z.number().int(),
  label: z.string().min(1),
  code: z.string().optional(),
});

const item = z.object({
  index: z.number().int().positive(),
  linkId: z.string().min(1),
  text: z.string().min(1),
  loinc: z.string().optional(),
  scored: z.boolean(),
  options: z.array(option).min(2).optional(),
  cues: z.array(z.array(z.string().min(2)).min(1)).optional(),
});

const instrumentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  title: z.string().min(1),
  stem: z.string().min(1),
  copyright: z.string().optional(),
  loincPanel: z.string().optional(),
  loincTotal: z.string().optional(),
  questionnaire: z.string().optional(),
  options: z.array(option).min(2),
  items: z.array(item).min(1),
  bands: z.array(
    z.object({ min: z.number(), max: z.number(), label: z.string() }),
  ),
  positiveAt: z.number().optional(),
  proration: z.object({ maxMissing: z.number().int().min(0) }),
  riskItems: z.array(z.number().int().positive()).optional(),
  subsetOf: z.string().optional(),
  remissionBelow: z.number().optional(),
  sources: z.array(z.string()).optional(),
});

/**
 * Reads every instrument definition in a folder (default
 * resources/instruments). Adding AUDIT-C or PCL-5 is a new JSON file there:
 * scoring, bands, FHIR codes and verbal cues all come from the data.
 */
export function loadInstruments(
  dir = resourcePath('instruments'),
): Map<string, Instrument> {
  const found = new Map<string, Instrument>();
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

  for (const name of files.sort()) {
    const instrument = parseInstrument(
      readFileSync(path.join(dir, name), 'utf8'),
      name,
    );
    found.set(instrument.id, instrument);
  }
  return found;
}

/** Validates one instrument definition; the file name is only for the error. */
export function parseInstrument(json: string, source: string): Instrument {
  const parsed = instrumentSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `Instrument definition ${source} is invalid.`,
    );
  }
  const instrument = parsed.data as Instrument; // zod's optional fields carry `| undefined`
  checkItemOrder(instrument, source);
  return instrument;
}

function checkItemOrder(instrument: Instrument, source: string): void {
  instrument.items.forEach((entry, position) => {
    if (entry.index !== position + 1) {
      throw new AppError(
        'internal',
        `Instrument ${source} has items out of order.`,
      );
    }
  });
}

let cached: Map<string, Instrument> | undefined;

/** The bundled instruments, read once. */
export function instruments(): Map<string, Instrument> {
  cached ??= loadInstruments();
  return cached;
}

/** One bundled instrument by id ("phq9", "gad7"); unknown ids are a request error. */
export function getInstrument(id: string): Instrument {
  const key = id.trim().toLowerCase();
  const all = instruments();
  const instrument = all.get(key) ?? all.get(key.replace(/[-_ ]/g, ''));
  if (!instrument) {
    throw new AppError('invalid_request', `Unknown instrument "${id}".`);
  }
  return instrument;
}

/** Answer choices for one item (its own, or the instrument's shared set). */
export function optionsFor(instrument: Instrument, index: number) {
  return instrument.items[index - 1]?.options ?? instrument.options;
}
