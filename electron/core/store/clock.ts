import { randomUUID } from 'node:crypto';

/** ISO 8601 UTC instant; every stored time uses this form so text order is time order. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}

export function newId(): string {
  return randomUUID();
}
