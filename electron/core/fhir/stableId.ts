import { createHash } from 'node:crypto';

/**
 * A deterministic RFC 4122 UUID (version 5 layout over SHA-256) from a
 * name. The same session always yields the same fullUrls and identifiers,
 * so a retried push is recognised by the server instead of duplicated.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/** `urn:uuid:` form for a Bundle entry fullUrl. */
export function stableUrn(name: string): string {
  return `urn:uuid:${stableUuid(name)}`;
}
