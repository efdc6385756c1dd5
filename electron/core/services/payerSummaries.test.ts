import { describe, expect, it } from 'vitest';
import { payerProfileNames, payerSummaries } from './payerSummaries';

describe('payer summaries for Settings', () => {
  it('lists the profiles under resources/payers', () => {
    expect(payerProfileNames()).toEqual(['commercial', 'medicare']);
  });

  it("carries each profile's place of service and modifiers", () => {
    const [medicare] = payerSummaries(['medicare']);
    expect(medicare).toMatchObject({
      name: 'medicare',
      claimFilingIndicator: 'MB',
    });
    const at = (modality: string, location: string) =>
      medicare?.placements.find(
        (p) => p.modality === modality && p.location === location,
      );
    expect(at('video', 'home')).toMatchObject({ pos: '10', modifiers: [] });
    expect(at('audio', 'home')).toMatchObject({
      pos: '10',
      modifiers: ['93'],
      allowed: true,
    });
    expect(at('audio', 'other')).toMatchObject({ pos: '02', allowed: false });
    expect(medicare?.placements).toHaveLength(6);

    const [commercial] = payerSummaries(['commercial']);
    expect(commercial?.placements[0]).toMatchObject({
      modality: 'video',
      location: 'home',
      pos: '10',
      modifiers: ['95'],
    });
  });

  it('lists a profile that does not load with the reason', () => {
    expect(payerSummaries(['no-such-payer'])).toEqual([
      expect.objectContaining({
        name: 'no-such-payer',
        placements: [],
        problem: 'No payer profile named "no-such-payer".',
      }),
    ]);
  });
});
