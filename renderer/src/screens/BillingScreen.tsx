import { useEffect } from 'react';
import type {
  BillingView,
  DeliveryView,
} from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { SessionPicker } from '../components/SessionPicker';
import { canDeliver, useBilling } from '../stores/billing';
import { useNavigation } from '../stores/navigation';

/** Billing: suggested codes with reasons, documentation check, claim, delivery. */
export function BillingScreen() {
  const sessionId = useNavigation((s) => s.sessionId);
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Billing</h2>
      {sessionId ? (
        <BillingBody sessionId={sessionId} />
      ) : (
        <SessionPicker screen="billing" />
      )}
    </section>
  );
}

function BillingBody({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const { detail, error, busy, open, deliver } = useBilling();

  useEffect(() => {
    void open(client, sessionId);
  }, [client, sessionId, open]);

  if (!detail) return <ErrorText error={error} />;
  const signed = canDeliver(detail);
  return (
    <>
      <ErrorText error={error} />
      {detail.billing ? (
        <Codes billing={detail.billing} />
      ) : (
        <p>No billing suggestion yet.</p>
      )}
      <section className="panel" aria-labelledby="delivery-title">
        <h3 id="delivery-title">Delivery to the EHR</h3>
        {!signed && <p>Sign the note before it can be sent.</p>}
        <button
          type="button"
          className="primary"
          disabled={!signed || busy}
          onClick={() => void deliver(client)}
        >
          Send to EHR
        </button>
        <Deliveries deliveries={detail.deliveries} />
      </section>
    </>
  );
}

function Codes({ billing }: { billing: BillingView }) {
  const { suggestion, documentation } = billing;
  return (
    <>
      <section className="panel" aria-labelledby="codes-title">
        <h3 id="codes-title">Suggested codes ({billing.minutes} min)</h3>
        {suggestion.blocked && (
          <p className="warn-text">Not billable: {suggestion.blocked}</p>
        )}
        <table aria-label="Suggested codes">
          <thead>
            <tr>
              <th>CPT</th>
              <th>Units</th>
              <th>Modifiers</th>
              <th>POS</th>
              <th>Service</th>
            </tr>
          </thead>
          <tbody>
            {suggestion.lines.map((l) => (
              <tr key={`${l.cpt}-${l.modifiers.join('')}`}>
                <td data-testid="cpt">{l.cpt}</td>
                <td>{l.units}</td>
                <td>{l.modifiers.join(', ') || '—'}</td>
                <td>{l.pos}</td>
                <td>{l.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h4>Why</h4>
        <ul>
          {suggestion.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {suggestion.warnings.length > 0 && (
          <ul className="warn-text">
            {suggestion.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="docs-title">
        <h3 id="docs-title">Documentation checklist</h3>
        {!documentation && <p>Checked once the note is signed.</p>}
        {documentation &&
          documentation.blocking.length === 0 &&
          documentation.warnings.length === 0 && (
            <p role="status">The note supports these codes.</p>
          )}
        <ul aria-label="Documentation problems">
          {documentation?.blocking.map((p) => (
            <li key={p.code} className="blocking">
              Must fix: {p.message}
            </li>
          ))}
          {documentation?.warnings.map((p) => (
            <li key={p.code} className="warn-text">
              Check: {p.message}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="claim-title">
        <h3 id="claim-title">Claim preview (837P)</h3>
        {billing.claimError && (
          <p className="warn-text">{billing.claimError}</p>
        )}
        {billing.claimX12 ? (
          <pre className="claim" tabIndex={0} aria-label="Claim preview">
            {billing.claimX12.replaceAll('~', '~\n')}
          </pre>
        ) : (
          <p>No claim yet.</p>
        )}
      </section>
    </>
  );
}

const DELIVERY_WORDS: Record<DeliveryView['status'], string> = {
  pending: 'Queued',
  in_flight: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed, will retry',
};

export function Deliveries({ deliveries }: { deliveries: DeliveryView[] }) {
  if (deliveries.length === 0) return <p>Not sent yet.</p>;
  return (
    <ul aria-label="Deliveries">
      {deliveries.map((d) => (
        <li key={d.id} data-testid="delivery-status" data-status={d.status}>
          {d.connectorId}: {DELIVERY_WORDS[d.status]} · {d.attempts} attempt(s)
          {d.lastError ? ` · ${d.lastError}` : ''}
        </li>
      ))}
    </ul>
  );
}
