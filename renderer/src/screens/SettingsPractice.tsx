import { useState, type SyntheticEvent } from 'react';
import type { SettingsView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import {
  MAX_RETENTION_DAYS,
  connectionWords,
  usePractice,
} from '../stores/settingsPractice';

/** The practice: EHR connector (with a check), payers, consent, retention. */
export function PracticePanel({ settings }: { settings: SettingsView }) {
  return (
    <section className="panel" aria-labelledby="practice-title">
      <h3 id="practice-title">Practice</h3>
      <dl>
        <dt>EHR connector</dt>
        <dd>
          {settings.ehrConnector}
          <ConnectionCheck />
        </dd>
        <dt>Payer profiles</dt>
        <dd>{settings.payerProfiles.join(', ')}</dd>
        <dt>Recording consent</dt>
        <dd>
          {settings.consentRequired
            ? 'Required before capture'
            : 'Not required by the practice'}
        </dd>
        <dt>Data folder</dt>
        <dd>{settings.dataDir}</dd>
      </dl>
      <h4 id="retention-title">Retention</h4>
      <p className="muted">{currentRetention(settings)}</p>
      {settings.canAdminister === false ? (
        <p className="muted">
          An administrator or the practice owner changes retention.
        </p>
      ) : (
        <RetentionForm settings={settings} />
      )}
    </section>
  );
}

function ConnectionCheck() {
  const client = useClient();
  const { testing, result, error } = usePractice((s) => s.connection);
  const test = usePractice((s) => s.testConnection);
  return (
    <div className="actions">
      <button
        type="button"
        disabled={testing}
        onClick={() => void test(client)}
      >
        {testing ? 'Testing…' : 'Test connection'}
      </button>
      <p role="status" className={result?.ok === false || error ? 'error' : ''}>
        {result ? connectionWords(result) : error}
      </p>
    </div>
  );
}

function currentRetention(settings: SettingsView): string {
  const transcript =
    settings.retentionDays === null
      ? 'transcripts are kept'
      : `transcripts are kept ${settings.retentionDays} days after signing`;
  const audio =
    settings.audioOnSign === undefined
      ? ''
      : settings.audioOnSign === 'delete'
        ? '; recordings are deleted at signing'
        : '; recordings are kept';
  return `Now: ${transcript}${audio}.`;
}

/** For administrators and the owner; the core refuses anyone else. */
function RetentionForm({ settings }: { settings: SettingsView }) {
  const client = useClient();
  const { saving, error, saved } = usePractice((s) => s.retention);
  const save = usePractice((s) => s.saveRetention);
  const [days, setDays] = useState(String(settings.retentionDays ?? 0));
  const [audio, setAudio] = useState(settings.audioOnSign ?? 'delete');

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void save(client, { days, audioOnSign: audio });
  };

  return (
    <form aria-labelledby="retention-title" onSubmit={submit} noValidate>
      <div className="form-row">
        <label>
          Days to keep the transcript after signing
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_RETENTION_DAYS}
            step={1}
            value={days}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'retention-error' : undefined}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <label>
          Recording after signing
          <select
            value={audio}
            onChange={(e) =>
              setAudio(e.target.value === 'keep' ? 'keep' : 'delete')
            }
          >
            <option value="delete">Delete it</option>
            <option value="keep">Keep it</option>
          </select>
        </label>
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save retention'}
        </button>
      </div>
      {error && (
        <p id="retention-error" className="error" role="alert">
          {error}
        </p>
      )}
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}
