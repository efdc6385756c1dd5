import { useEffect, useRef } from 'react';
import { clock } from '../lib/format';
import { useReview } from '../stores/review';
import { EvidencePlayer } from './EvidencePlayer';

const ROLE_LABEL = {
  clinician: 'Clinician',
  client: 'Client',
  unknown: 'Speaker',
} as const;

/** The transcript with the selected sentence's evidence highlighted and scrolled to. */
export function TranscriptPane() {
  const { detail, focus } = useReview();
  const list = useRef<HTMLOListElement>(null);
  const highlighted = new Set(focus?.segmentIds ?? []);
  const first = focus?.segmentIds[0];

  useEffect(() => {
    if (!first) return;
    const node = list.current?.querySelector(
      `[data-segment-id="${CSS.escape(first)}"]`,
    );
    node?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [first]);

  const transcript = detail?.transcript;
  if (!transcript)
    return <aside className="transcript-pane">No transcript yet.</aside>;
  return (
    <aside className="transcript-pane" aria-label="Transcript">
      <EvidencePlayer />
      {focus?.appointmentField && (
        <p role="status">
          This sentence restates the appointment ({focus.appointmentField}), not
          speech.
        </p>
      )}
      {focus && !focus.appointmentField && focus.segmentIds.length === 0 && (
        <p role="status" className="warn-text">
          No transcript segment supports this sentence.
        </p>
      )}
      {transcript.silentChannels.length > 0 && (
        <p className="warn-text">A channel held no speech at all.</p>
      )}
      <ol ref={list} className="transcript">
        {transcript.segments.map((s) => (
          <li
            key={s.id}
            data-segment-id={s.id}
            className={`segment role-${s.role}${highlighted.has(s.id) ? ' evidence' : ''}`}
            aria-current={highlighted.has(s.id) ? 'true' : undefined}
          >
            <span className="time">{clock(s.start)}</span>{' '}
            <span className="role">{ROLE_LABEL[s.role]}</span> {s.text}
          </li>
        ))}
      </ol>
    </aside>
  );
}
