import type { EhrConnector } from '../connectors/ehrConnector';
import { enqueueDelivery, Outbox } from '../outbox/outbox';
import { AuditDisclosureLog } from '../part2/disclosureLog';
import type { DeliveryPort } from '../services/billing';
import type { StoreHandle } from '../services/storeHandle';
import { sessionBundleInput } from './bundleInput';

/**
 * Delivery of signed sessions through the durable outbox to one connector.
 * Jobs live in the encrypted database, so a crash or an offline EHR loses
 * nothing; `drain` attempts what is due now.
 */
export function createOutboxDelivery(
  store: StoreHandle,
  connector: EhrConnector,
  now: () => Date = () => new Date(),
): DeliveryPort & { outbox: Outbox } {
  const outbox = new Outbox({
    repo: store.repos.outbox,
    connector: () => connector,
    disclosures: new AuditDisclosureLog(store.db),
    now,
  });
  outbox.recover();
  return {
    outbox,
    enqueue: (target, sessionId) => {
      enqueueDelivery(
        target.repos.outbox,
        connector.id,
        sessionBundleInput(target, sessionId),
        now(),
      );
    },
    drain: async () => {
      await outbox.drain();
    },
  };
}
