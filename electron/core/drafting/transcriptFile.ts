import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { Transcript } from '../domain/transcript';

/**
 * Reads a transcript file: either a saved Transcript (`segments`) or a
 * session fixture (`utterances` with role, start, end, text, as in
 * fixtures/sessions/*.json). Fixture utterances get ids `u1`, `u2`, ...
 */
const roleSchema = z.enum(['clinician', 'client', 'unknown']);

const segmentSchema = z.object({
  id: z.string().min(1),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  role: roleSchema,
  channel: z.number().int().nonnegative().default(0),
  text: z.string(),
  confidence: z.number().min(0).max(1).default(1),
});

const transcriptSchema = z.object({
  durationSec: z.number().nonnegative(),
  language: z.string().default('en'),
  segments: z.array(segmentSchema),
  failedRegions: z
    .array(
      z.object({
        start: z.number(),
        end: z.number(),
        channel: z.number(),
        reason: z.string(),
      }),
    )
    .default([]),
  silentChannels: z.array(z.number()).default([]),
});

const fixtureSchema = z.object({
  duration: z.number().nonnegative(),
  utterances: z.array(
    z.object({
      role: roleSchema,
      start: z.number(),
      end: z.number(),
      text: z.string(),
    }),
  ),
});

export function parseTranscriptJson(raw: unknown): Transcript {
  const saved = transcriptSchema.safeParse(raw);
  if (saved.success) return saved.data;

  const fixture = fixtureSchema.safeParse(raw);
  if (!fixture.success) {
    throw new AppError(
      'invalid_request',
      'The file is neither a transcript nor a session fixture.',
    );
  }
  return {
    durationSec: fixture.data.duration,
    language: 'en',
    segments: fixture.data.utterances.map((u, i) => ({
      id: `u${i + 1}`,
      start: u.start,
      end: u.end,
      role: u.role,
      channel: u.role === 'client' ? 1 : 0,
      text: u.text,
      confidence: 1,
    })),
    failedRegions: [],
    silentChannels: [],
  };
}

export function readTranscriptFile(file: string): Transcript {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError(
      'invalid_request',
      'The transcript file could not be read as JSON.',
      { cause },
    );
  }
  return parseTranscriptJson(raw);
}
