/**
 * Faults the sandbox FHIR server can inject, to test that the connectors
 * and the outbox neither lose nor duplicate anything:
 * - `status-500`: answer 500 without touching the repository;
 * - `timeout`: hold the request without answering until the client gives up;
 * - `expired-token`: answer 401 as if the bearer token had expired;
 * - `drop-before`: cut the connection before processing;
 * - `drop-after-commit`: process (commit) the request, then cut the
 *   connection before the response, the worst case for retries;
 * - `commit-then-hang`: process the request, then never answer (a client
 *   that dies now has delivered without knowing it).
 */
export type FaultKind =
  | 'status-500'
  | 'timeout'
  | 'expired-token'
  | 'drop-before'
  | 'drop-after-commit'
  | 'commit-then-hang';

export interface FaultRule {
  kind: FaultKind;
  /** How many matching requests the fault hits; then it is spent. */
  times: number;
  /** Only requests whose method and path match; all FHIR requests by default. */
  match?: (method: string, path: string) => boolean;
}

/** A queue of fault rules; the first live matching rule applies. */
export class SandboxFaults {
  private readonly rules: FaultRule[] = [];

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  /** Shorthand: the next `times` FHIR requests fail with `kind`. */
  failNext(times: number, kind: FaultKind = 'status-500'): void {
    this.inject({ kind, times });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Takes one use of the fault for this request, if any applies. */
  take(method: string, path: string): FaultKind | undefined {
    const rule = this.rules.find(
      (r) => r.times > 0 && (!r.match || r.match(method, path)),
    );
    if (!rule) return undefined;
    rule.times -= 1;
    return rule.kind;
  }
}
