import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { Segment } from '../domain/transcript';

const role = z.enum(['clinician', 'client', 'unknown']);

const segmentSchema = z.object({
  id: z.string().min(1),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  role,
  channel: z.number().int().nonnegative().default(0),
  text: z.string(),
  confidence: z.number().min(0).max(1).default(1),
});

const utteranceSchema = z.object({
  role: z.string(),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string(),
});

const fileSchema = z.union([
  z.object({ segments: z.array(segmentSchema) }),
  z.object({ utterances: z.array(utteranceSchema) }),
]);

/**
 * Reads a transcript given as `{ segments: Segment[] }` or in the session
 * fixture format (`{ utterances: [{ role, start, end, text }] }`, roles
 * clinician/client). Fixture utterances become segments `u1`, `u2`, ... on
 * channel 0 (clinician) or 1 (client), with confidence 1 (reference text).
 */
export function segmentsFromJson(value: unknown): Segment[] {
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'invalid_request',
      'Transcript must hold "segments" (id, start, end, role, text) or "utterances".',
    );
  }
  if ('segments' in parsed.data) return parsed.data.segments;
  return parsed.data.utterances.map((utterance, position) =>
    fromUtterance(utterance, position),
  );
}

function fromUtterance(
  utterance: z.infer<typeof utteranceSchema>,
  position: number,
): Segment {
  const known = role.safeParse(utterance.role);
  const who = known.success ? known.data : 'unknown';
  return {
    id: `u${position + 1}`,
    start: utterance.start,
    end: utterance.end,
    role: who,
    channel: who === 'client' ? 1 : 0,
    text: utterance.text,
    confidence: 1,
  };
}
