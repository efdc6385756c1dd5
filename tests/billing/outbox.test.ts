import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaim } from '../../electron/core/billing/claim';
import { writeClaimToOutbox } from '../../electron/core/billing/outbox';
import { suggestCodes } from '../../electron/core/billing/suggestCodes';
import { generate837P } from '../../electron/core/billing/x12/generate837P';
import { demoAppointment, demoEnvelope } from './demoAppointment';

function demoX12(controlNumber: number): string {
  const suggestion = suggestCodes({
    service: 'psychotherapy',
    minutes: 53,
    modality: 'video',
    clientLocation: 'home',
    payerProfile: 'commercial',
    credential: 'LCSW',
  });
  return generate837P([buildClaim(demoAppointment(), suggestion)], {
    ...demoEnvelope,
    controlNumber,
  });
}

describe('writeClaimToOutbox', () => {
  it('writes checked files into a per-payer folder without clobbering', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-outbox-'));
    const first = await writeClaimToOutbox(dir, '60054', demoX12(1));
    const second = await writeClaimToOutbox(dir, '60054', demoX12(2));

    expect(path.dirname(first)).toBe(path.join(dir, '60054'));
    expect(first).not.toBe(second);
    expect(readFileSync(first, 'utf8')).toBe(demoX12(1));
    expect(readdirSync(path.join(dir, '60054')).sort()).toHaveLength(2);
  });

  it('refuses a broken file and leaves the outbox as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-outbox-'));
    await writeClaimToOutbox(dir, '60054', demoX12(3));
    const broken = demoX12(4).replace(/^SE\*\d+\*/m, 'SE*3*');

    await expect(
      writeClaimToOutbox(dir, '60054', broken),
    ).rejects.toMatchObject({ kind: 'claim_invalid' });
    expect(readdirSync(path.join(dir, '60054'))).toHaveLength(1);
  });

  it('keeps payer ids from escaping the outbox', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hushnote-outbox-'));
    const file = await writeClaimToOutbox(dir, '../evil', demoX12(5));
    expect(file.startsWith(path.join(dir, '___evil'))).toBe(true);
  });
});
