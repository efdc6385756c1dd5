/**
 * The redaction layer: a log line keeps only fields that are private by
 * construction. Keys must name opaque or numeric facts (ids, counts,
 * durations, kinds); string values must look like identifiers (no spaces,
 * short). Anything else is replaced, so transcript text, note text, names
 * and free-text error messages can never reach a log file.
 */
const SAFE_KEY =
  /(^id$|Id$|Ids$|Count$|count$|Ms$|Sec$|Bytes$|^kind$|^step$|^status$|^attempt$|^channel$|^format$|^engine$|^model$|^version$|^code$|^phase$|^role$|^reason$|^method$|^port$|^from$|^to$|^rss$|^rtf$)/;
const SAFE_STRING = /^[\w.:/@+-]{0,80}$/;

export const REDACTED = '[redacted]';

export type LogFields = Record<string, unknown>;

export function redactFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SAFE_KEY.test(key) ? redactValue(value) : REDACTED;
  }
  return out;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') {
    return SAFE_STRING.test(value) ? value : REDACTED;
  }
  if (Array.isArray(value)) return value.map(redactValue);
  if (value instanceof Error) return errorShape(value);
  return REDACTED;
}

/** An error keeps its class and kind/code only; messages may quote PHI. */
function errorShape(error: Error): Record<string, unknown> {
  const shape: Record<string, unknown> = { name: error.name };
  const { kind, code } = error as Error & { kind?: unknown; code?: unknown };
  if (typeof kind === 'string') shape['kind'] = kind;
  if (typeof code === 'string' || typeof code === 'number')
    shape['code'] = code;
  return shape;
}
