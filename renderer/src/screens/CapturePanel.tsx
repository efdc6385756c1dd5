import { useEffect } from 'react';
import { CONSENT_MEANS_LABELS } from './consentLabels';
import { useClient } from '../api/context';
import { ErrorText, LevelMeter } from '../components/Feedback';
import { clock } from '../lib/format';
import { isLive, useCapture } from '../stores/capture';
import { LiveTranscript } from './LiveTranscript';
import { consentRequired, useSettings } from '../stores/settings';

const DEGRADED_TEXT = {
  mic_silent:
    'The microphone is silent while the client speaks. Check the headset or permission.',
  system_silent:
    'No sound from the video call while you speak. Check the output device.',
  device_changed:
    'An audio device changed; recording continues on the new one.',
  source_restarting: 'Reconnecting to an audio device; recording continues.',
} as const;

const LIVE_TEXT = {
  off: 'Live transcript is off here; the full transcript follows when you stop.',
  failed:
    'Live transcript stopped; recording continues and the full transcript follows when you stop.',
} as const;

/** Live capture: consent, start/pause/stop, timer, meters, live transcript. */
export function CapturePanel({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const capture = useCapture();
  const settings = useSettings((s) => s.settings);
  const loadSettings = useSettings((s) => s.load);
  const refresh = useCapture((s) => s.refresh);
  const { status } = capture;
  const mine = status.sessionId === sessionId;
  const live = mine && isLive(status);

  useEffect(() => {
    void loadSettings(client);
    void refresh(client);
  }, [client, sessionId, loadSettings, refresh]);

  if (!capture.available) {
    return (
      <section className="panel" aria-labelledby="capture-title">
        <h3 id="capture-title">Record the session</h3>
        <p>Live recording is not available here. Import a recording below.</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="capture-title">
      <h3 id="capture-title">Record the session</h3>
      <fieldset disabled={live}>
        <legend>
          Consent to record{consentRequired(settings) ? ' (required)' : ''}
        </legend>
        {CONSENT_MEANS_LABELS.map(({ means, label }) => (
          <label key={means} className="inline">
            <input
              type="radio"
              name="consent"
              checked={capture.consent === means}
              onChange={() => capture.setConsent(means)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        {!live && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void capture.start(client, sessionId, consentRequired(settings))
            }
          >
            Start recording
          </button>
        )}
        {live && status.state === 'recording' && (
          <button type="button" onClick={() => void capture.pause(client)}>
            Pause
          </button>
        )}
        {live && status.state === 'paused' && (
          <button type="button" onClick={() => void capture.resume(client)}>
            Resume
          </button>
        )}
        {live && (
          <button type="button" onClick={() => void capture.stop(client)}>
            Stop and save
          </button>
        )}
        <span className="timer" role="timer" aria-label="Recorded time">
          {clock(mine ? status.elapsedSec : 0)}
        </span>
        <span className="badge">{mine ? status.state : 'idle'}</span>
      </div>
      {mine && (
        <div className="meters">
          <LevelMeter
            label="Microphone (you)"
            level={status.levels.mic}
            silent={status.silent === 'mic'}
          />
          <LevelMeter
            label="Call audio (client)"
            level={status.levels.system}
            silent={status.silent === 'system'}
          />
        </div>
      )}
      {live && status.liveTranscript && status.liveTranscript !== 'running' && (
        <p className="muted" role="status">
          {LIVE_TEXT[status.liveTranscript]}
        </p>
      )}
      {mine && status.degraded && (
        <p role="alert" className="warn-text">
          {DEGRADED_TEXT[status.degraded]}
        </p>
      )}
      <ErrorText
        error={
          capture.error ?? (mine ? (status.error ?? undefined) : undefined)
        }
      />
      <LiveTranscript />
    </section>
  );
}
