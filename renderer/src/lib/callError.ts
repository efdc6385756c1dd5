import { CallError } from '../api/client';
import { describeError } from '../api/errorText';

/** Plain words for anything a call threw. */
export function errorWords(error: unknown): string {
  if (error instanceof CallError) return describeError(error.info);
  return 'Hushnote is not reachable.';
}
