import { describe, expect, it } from 'vitest';
import type { DeliveryView, SessionDetail } from '../../services/types';
import { deliveryLines } from './deliveryLines';

function detail(
  status: SessionDetail['summary']['status'],
  deliveries: Partial<DeliveryView>[],
): SessionDetail {
  return {
    summary: { status },
    deliveries: deliveries.map((d, i) => ({
      id: `job-${i}`,
      sessionId: 's1',
      connectorId: 'ehr',
      status: 'pending',
      attempts: 1,
      lastError: null,
      updatedAt: '2026-11-03T21:00:00Z',
      ...d,
    })),
  } as unknown as SessionDetail;
}

describe('deliveryLines', () => {
  it('says delivered only for a delivered job', () => {
    expect(deliveryLines(detail('signed', [{ status: 'delivered' }]))).toEqual([
      'Delivered to ehr.',
    ]);
  });

  it('says a job the EHR did not take was not delivered, with the reason', () => {
    const [line] = deliveryLines(
      detail('signed', [
        {
          status: 'pending',
          attempts: 1,
          lastError: JSON.stringify({
            kind: 'ehr_unreachable',
            message: 'The EHR could not be reached.',
          }),
        },
      ]),
    );
    expect(line).toMatch(/^NOT delivered to ehr \(pending, attempt 1\)/);
    expect(line).toContain(': ehr_unreachable: The EHR could not be reached.');
    expect(line).toContain('outbox');
  });

  it('says an unsigned note was not sent', () => {
    expect(deliveryLines(detail('drafted', []))[0]).toMatch(
      /^Not delivered: .*signs/,
    );
  });
});
