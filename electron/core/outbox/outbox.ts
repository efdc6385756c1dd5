import type { ErrorInfo } from '../../contract/errors';
import type { EhrConnector } from '../connectors/ehrConnector';
import { pushSession } from '../connectors/pushSession';
import type { SessionBundleInput } from '../fhir/sessionBundleInput';
import { log } from '../log/logger';
import type { DisclosureLog } from '../part2/disclosureLog';
import type {
  OutboxItem,
  OutboxRepository,
} from '../store/repositories/outbox';
import {
  DEFAULT_RETRY_POLICY,
  retryDelayMs,
  type RetryPolicy,
} from './backoff';
import {
  errorInfoOf,
  isTransient,
  parsePayload,
  readLastError,
  sessionPayload,
} from './outboxJob';

export interface OutboxOptions {
  repo: OutboxRepository;
  /** Resolves a connector id (a ConnectorRegistry's `get`). */
  connector: (id: string) => EhrConnector;
  disclosures?: DisclosureLog;
  policy?: RetryPolicy;
  now?: () => Date;
  random?: () => number;
}

/** A delivery as the UI lists it (pending and failed deliveries). */
export interface DeliveryView {
  id: string;
  connectorId: string;
  sessionId: string;
  status: OutboxItem['status'];
  attempts: number;
  nextAttemptAt: string;
  error: ErrorInfo | null;
}

export interface TickReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Queues a signed session for a connector. The idempotency key is the
 * connector, session and note: signing again does not queue a second copy.
 */
export function enqueueDelivery(
  repo: OutboxRepository,
  connectorId: string,
  input: SessionBundleInput,
  at?: Date,
): OutboxItem {
  return repo.enqueue({
    connectorId,
    idempotencyKey: `session:${connectorId}:${input.sessionId}:${input.note.id}`,
    payload: sessionPayload(input),
    ...(at ? { at: at.toISOString() } : {}),
  });
}

/**
 * Delivers queued sessions with exponential backoff. Jobs live in the
 * encrypted database, so they survive restarts: `recover()` on start puts
 * jobs a crash left in flight back in the queue (pushes are idempotent, so
 * a job that did reach the EHR is recognised there, not duplicated). A job
 * that fails for a reason a person must fix (rejected content, credentials,
 * consent) stops at once with the EHR's message.
 */
export class Outbox {
  private readonly policy: RetryPolicy;
  private readonly now: () => Date;

  constructor(private readonly options: OutboxOptions) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.now = options.now ?? (() => new Date());
  }

  /** Re-queues jobs left in flight by a crash; call once on start. */
  recover(): number {
    const released = this.options.repo.releaseInFlight(
      this.now().toISOString(),
    );
    if (released > 0) log().warn('outbox.recovered', { jobs: released });
    return released;
  }

  /** Delivers every job due now, one at a time. */
  async tick(): Promise<TickReport> {
    const report: TickReport = { delivered: 0, retrying: 0, failed: 0 };
    const due = this.options.repo.claimDue(this.now().toISOString());
    for (const item of due) {
      const outcome = await this.deliver(item);
      report[outcome] += 1;
    }
    return report;
  }

  /** Ticks until nothing is due now (what `hushnote process` waits on). */
  async drain(maxTicks = 100): Promise<TickReport> {
    const total: TickReport = { delivered: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < maxTicks; i += 1) {
      const r = await this.tick();
      total.delivered += r.delivered;
      total.retrying += r.retrying;
      total.failed += r.failed;
      if (r.delivered + r.retrying + r.failed === 0) break;
    }
    return total;
  }

  /** A failed job back in the queue, after the clinician fixed the cause. */
  retry(id: string): OutboxItem {
    const previous = this.options.repo.get(id)?.lastError ?? '';
    return this.options.repo.markRetry(id, this.now().toISOString(), previous);
  }

  pending(): DeliveryView[] {
    return [
      ...this.options.repo.list('pending'),
      ...this.options.repo.list('in_flight'),
    ].map(view);
  }

  failed(): DeliveryView[] {
    return this.options.repo.list('failed').map(view);
  }

  private async deliver(item: OutboxItem): Promise<keyof TickReport> {
    const { repo } = this.options;
    const at = this.now();
    try {
      const { input } = parsePayload(item.payload);
      const connector = this.options.connector(item.connectorId);
      await pushSession(connector, input, {
        now: () => at,
        ...(this.options.disclosures
          ? { disclosures: this.options.disclosures }
          : {}),
      });
      repo.markDelivered(item.id, this.now().toISOString());
      log().info('outbox.delivered', {
        jobId: item.id,
        connectorId: item.connectorId,
        attempts: item.attempts,
      });
      return 'delivered';
    } catch (error) {
      return this.fail(item, errorInfoOf(error));
    }
  }

  private fail(item: OutboxItem, error: ErrorInfo): keyof TickReport {
    const { repo } = this.options;
    const at = this.now();
    if (!isTransient(error) || item.attempts >= this.policy.maxAttempts) {
      const message = isTransient(error)
        ? `Gave up after ${item.attempts} attempts. ${error.message}`
        : error.message;
      repo.markFailed(
        item.id,
        JSON.stringify({ kind: error.kind, message }),
        at.toISOString(),
      );
      log().error('outbox.failed', {
        jobId: item.id,
        connectorId: item.connectorId,
        kind: error.kind,
        attempts: item.attempts,
      });
      return 'failed';
    }
    const delay = retryDelayMs(item.attempts, this.policy, this.options.random);
    const next = new Date(at.getTime() + delay).toISOString();
    repo.markRetry(item.id, next, JSON.stringify(error), at.toISOString());
    log().warn('outbox.retry', {
      jobId: item.id,
      connectorId: item.connectorId,
      kind: error.kind,
      attempts: item.attempts,
      delayMs: delay,
    });
    return 'retrying';
  }
}

function view(item: OutboxItem): DeliveryView {
  const payload = item.payload as { input?: { sessionId?: string } } | null;
  return {
    id: item.id,
    connectorId: item.connectorId,
    sessionId: payload?.input?.sessionId ?? '',
    status: item.status,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    error: readLastError(item.lastError),
  };
}
