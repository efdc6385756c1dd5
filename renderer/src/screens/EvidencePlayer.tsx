import { useEffect, useState } from 'react';
import { ErrorText } from '../components/Feedback';
import { fromBase64 } from '../lib/base64';
import { clock } from '../lib/format';
import { useEvidenceAudio, type EvidenceClip } from '../stores/evidenceAudio';

/**
 * Plays the selected sentence's evidence as soon as it arrives; the native
 * controls replay, pause and seek it from the keyboard.
 */
export function EvidencePlayer() {
  const { status, clip, message } = useEvidenceAudio();
  const url = useClipUrl(clip);

  if (status === 'loading')
    return <p role="status">Loading the evidence audio…</p>;
  if (status === 'unavailable')
    return (
      <p role="status" className="muted">
        {message}
      </p>
    );
  if (status === 'failed') return <ErrorText error={message} />;
  if (status !== 'ready' || !clip || !url) return null;
  const label = `Evidence audio, ${clock(clip.start)} to ${clock(clip.end)}`;
  return (
    <div className="evidence-player">
      <audio
        key={clip.take}
        src={url}
        controls
        autoPlay
        aria-label={label}
        data-testid="evidence-audio"
      />
      <span className="muted">{label}</span>
    </div>
  );
}

/** An object URL for the clip's WAV bytes, revoked when the clip changes. */
function useClipUrl(clip: EvidenceClip | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!clip) return;
    const blob = new Blob([fromBase64(clip.base64)], { type: 'audio/wav' });
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [clip]);
  return url;
}
