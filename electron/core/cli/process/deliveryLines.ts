import type { SessionDetail } from '../../services/types';

/**
 * What became of the delivery, in words: an EHR that did not answer leaves
 * the job in the outbox, and the run must not read as delivered.
 */
export function deliveryLines(detail: SessionDetail): string[] {
  if (detail.summary.status !== 'signed')
    return [
      'Not delivered: nothing leaves before the clinician signs the note.',
    ];
  if (detail.deliveries.length === 0) return ['Not delivered: nothing queued.'];
  return detail.deliveries.map((d) =>
    d.status === 'delivered'
      ? `Delivered to ${d.connectorId}.`
      : `NOT delivered to ${d.connectorId} (${d.status}, attempt ${d.attempts})` +
        `${d.lastError ? `: ${errorWords(d.lastError)}` : ''}. It stays in the outbox and` +
        ' the app retries it; see hushnote ehr outbox.',
  );
}

/** The outbox keeps a job's last error as the JSON of a typed error. */
function errorWords(lastError: string): string {
  try {
    const error = JSON.parse(lastError) as {
      kind?: unknown;
      message?: unknown;
    };
    if (typeof error.kind === 'string' && typeof error.message === 'string')
      return `${error.kind}: ${error.message.replace(/\.$/, '')}`;
  } catch {
    // Not JSON: an older row keeps its text as it is.
  }
  return lastError;
}
