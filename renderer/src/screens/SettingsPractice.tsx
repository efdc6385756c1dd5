import { useState, type SyntheticEvent } from 'react';
import type {
  PayerPlacementView,
  PayerSummaryView,
  SettingsView,
} from '../../../electron/contract/contract';
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
        <dd>
          {settings.payers ? (
            <PayerProfiles payers={settings.payers} />
          ) : (
            settings.payerProfiles.join(', ')
          )}
        </dd>
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

/** Each payer's place of service and modifiers, as claims will carry them. */
function PayerProfiles({ payers }: { payers: PayerSummaryView[] }) {
  return (
    <>
      {payers.map((payer) => (
        <PayerProfile key={payer.name} payer={payer} />
      ))}
      <p className="muted">
        Edit the files under resources/payers to change these rules.
      </p>
    </>
  );
}

function PayerProfile({ payer }: { payer: PayerSummaryView }) {
  if (payer.problem) {
    return (
      <p className="error">
        {payer.name}: {payer.problem}
      </p>
    );
  }
  return (
    <table aria-label={`Payer ${payer.displayName}`}>
      <caption>
        {payer.displayName} ({payer.name}) · claim filing{' '}
        {payer.claimFilingIndicator} · from {payer.effective}
      </caption>
      <thead>
        <tr>
          <th>Visit</th>
          <th>Client at</th>
          <th>Place of service</th>
          <th>Modifiers</th>
          <th>Notes</th>
        </tr>
      </thead>
      <tbody>
        {payer.placements.map((p) => (
          <tr key={`${p.modality}-${p.location}`}>
            <td>{MODALITY_WORDS[p.modality]}</td>
            <td>{p.location === 'home' ? 'Home' : 'Elsewhere'}</td>
            <td>{posWords(p.pos)}</td>
            <td>{p.modifiers.length ? p.modifiers.join(', ') : 'None'}</td>
            <td>{placementNote(p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MODALITY_WORDS: Record<PayerPlacementView['modality'], string> = {
  video: 'Video',
  audio: 'Audio only',
  'in-person': 'In person',
};

/** CMS place-of-service codes the payer profiles use. */
const POS_NAMES: Record<string, string> = {
  '02': 'telehealth, not at home',
  '10': 'telehealth at home',
  '11': 'office',
  '12': 'home',
};

function posWords(pos: string): string {
  const name = POS_NAMES[pos];
  return name ? `POS ${pos} (${name})` : `POS ${pos}`;
}

function placementNote(p: PayerPlacementView): string {
  const covered = p.allowed ? '' : 'Not covered. ';
  return `${covered}${p.note ?? ''}`.trim();
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
