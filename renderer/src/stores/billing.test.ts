import { beforeEach, describe, expect, it } from 'vitest';
import type {
  BillingDetailView,
  DeliveryView,
} from '../../../electron/contract/contract';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { canDeliver, useBilling } from './billing';
import { detail } from './testData';

function billingDetail(deliveries: DeliveryView[] = []): BillingDetailView {
  const d = detail('signed');
  return {
    summary: d.summary,
    billing: null,
    noteStatus: 'signed',
    deliveries,
  };
}
const delivered: DeliveryView = {
  id: 'd1',
  sessionId: 's1',
  connectorId: 'sandbox',
  status: 'failed',
  attempts: 1,
  lastError: 'EHR unreachable',
  updatedAt: '',
};

describe('billing store', () => {
  beforeEach(() =>
    useBilling.setState({ detail: undefined, busy: false, error: undefined }),
  );

  it('delivers a signed session and shows the outbox status even when sending failed', async () => {
    const fake = fakeClient();
    let sent = false;
    fake.answer('session:billing', () =>
      billingDetail(sent ? [delivered] : []),
    );
    fake.answer('session:deliver', () => {
      sent = true;
      throw new FakeFailure({ kind: 'ehr_unreachable', message: '' });
    });
    await useBilling.getState().open(fake.client, 's1');
    expect(canDeliver(useBilling.getState().detail)).toBe(true);

    await useBilling.getState().deliver(fake.client);
    expect(useBilling.getState().error).toBe(
      'The EHR could not be reached. Delivery will be retried.',
    );
    expect(useBilling.getState().detail?.deliveries[0]?.status).toBe('failed');
    expect(useBilling.getState().busy).toBe(false);
  });

  it('does not offer delivery for a draft', () => {
    expect(canDeliver({ ...billingDetail(), noteStatus: 'draft' })).toBe(false);
  });
});
