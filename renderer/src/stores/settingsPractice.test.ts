import { beforeEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../electron/contract/contract';
import { FakeFailure, fakeClient } from '../api/fakeClient';
import { useSettings } from './settings';
import {
  connectionWords,
  parseRetentionDays,
  usePractice,
} from './settingsPractice';

const settings = (retentionDays: number): SettingsView => ({
  consentRequired: true,
  ehrConnector: 'sandbox',
  payerProfiles: ['medicare'],
  retentionDays,
  audioOnSign: 'keep',
  dataDir: '/data',
  modelsDir: '/models',
  hardware: { cores: 2, memoryGiB: 8 },
});

describe('retention form', () => {
  beforeEach(() => {
    usePractice.setState({
      retention: { saving: false },
      connection: { testing: false },
    });
    useSettings.setState({ settings: settings(30) });
  });

  it('accepts whole days from 0 to 3650 only', () => {
    expect(parseRetentionDays(' 0 ')).toEqual({ ok: true, value: 0 });
    expect(parseRetentionDays('3650')).toEqual({ ok: true, value: 3650 });
    for (const bad of ['', '-1', '1.5', 'ten', '3651']) {
      expect(parseRetentionDays(bad).ok, bad).toBe(false);
    }
  });

  it('sends nothing for an invalid value and says why', async () => {
    const fake = fakeClient();
    await usePractice
      .getState()
      .saveRetention(fake.client, { days: '12.5', audioOnSign: 'keep' });
    expect(fake.calls).toEqual([]);
    expect(usePractice.getState().retention.error).toBe(
      'Enter a whole number of days (0 or more).',
    );
  });

  it('saves, then shows the settings as the core now reports them', async () => {
    const fake = fakeClient();
    fake.answer('settings:retention', (r) => r);
    fake.answer('settings:get', () => settings(14));
    await usePractice
      .getState()
      .saveRetention(fake.client, { days: '14', audioOnSign: 'delete' });

    expect(fake.calls[0]).toEqual({
      channel: 'settings:retention',
      request: { transcriptDays: 14, audioOnSign: 'delete' },
    });
    expect(useSettings.getState().settings?.retentionDays).toBe(14);
    expect(usePractice.getState().retention).toEqual({
      saving: false,
      saved:
        'Saved. Transcripts are kept 14 days after signing; the recording is deleted at signing.',
    });
  });

  it('puts a refusal in words and leaves the settings as they were', async () => {
    const fake = fakeClient();
    fake.answer('settings:retention', () => {
      throw new FakeFailure({
        kind: 'forbidden',
        message: 'Only an administrator can change practice settings.',
      });
    });
    await usePractice
      .getState()
      .saveRetention(fake.client, { days: '7', audioOnSign: 'keep' });
    expect(usePractice.getState().retention.error).toMatch(
      /^Your role does not allow this\./,
    );
    expect(useSettings.getState().settings?.retentionDays).toBe(30);
  });
});

describe('connection check', () => {
  it('reports an answering EHR', async () => {
    const fake = fakeClient();
    fake.answer('ehr:test', () => ({
      connector: 'Sandbox EHR (local)',
      ok: true,
      kind: null,
      message: 'FHIR 4.0.1 answered',
    }));
    await usePractice.getState().testConnection(fake.client);
    const { result } = usePractice.getState().connection;
    expect(result && connectionWords(result)).toBe(
      'Connected to Sandbox EHR (local): FHIR 4.0.1 answered.',
    );
  });

  it('words each failure kind', () => {
    const fail = (kind: 'ehr_unreachable' | 'ehr_auth_expired') =>
      connectionWords({ connector: 'EHR', ok: false, kind, message: 'x' });
    expect(fail('ehr_unreachable')).toBe(
      'EHR: The EHR could not be reached. x',
    );
    expect(fail('ehr_auth_expired')).toMatch(/did not accept the credentials/);
    expect(
      connectionWords({
        connector: 'none',
        ok: false,
        kind: null,
        message: 'No EHR connector is configured.',
      }),
    ).toBe('No EHR connector is configured.');
  });

  it('shows a failed call in words', async () => {
    const fake = fakeClient();
    fake.answer('ehr:test', () => {
      throw new FakeFailure({
        kind: 'unauthorized',
        message: 'Sign in first.',
      });
    });
    await usePractice.getState().testConnection(fake.client);
    expect(usePractice.getState().connection).toEqual({
      testing: false,
      error: 'Please sign in again. Sign in first.',
    });
  });
});
