import { useEffect, useRef } from 'react';
import type {
  RiskFlagView,
  SegmentView,
} from '../../../electron/contract/contract';
import { clock } from '../lib/format';
import { useCapture } from '../stores/capture';
import { riskWords } from './riskLabels';

const ROLE_WORDS = {
  clinician: 'Clinician',
  client: 'Client',
  unknown: 'Unknown',
} as const;

/** Risk flags as they are raised, then the transcript as segments finalize. */
export function LiveTranscript() {
  const segments = useCapture((s) => s.segments);
  const flags = useCapture((s) => s.flags);
  const list = useRef<HTMLOListElement>(null);

  // Follow the newest segment, as a live caption would.
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [segments.length]);

  if (segments.length === 0 && flags.length === 0) return null;
  return (
    <div className="live">
      {flags.length > 0 && <RiskFlags flags={flags} />}
      <h4 id="live-transcript-title">Live transcript</h4>
      <ol
        ref={list}
        className="transcript live-transcript"
        aria-labelledby="live-transcript-title"
        aria-live="polite"
      >
        {segments.map((s) => (
          <Segment key={s.id} segment={s} />
        ))}
      </ol>
    </div>
  );
}

function RiskFlags({ flags }: { flags: RiskFlagView[] }) {
  return (
    <ul className="flags" aria-label="Risk flags" aria-live="assertive">
      {flags.map((f) => (
        <li key={f.id} className={`flag flag-${f.severity}`}>
          {riskWords(f.type)} ({f.severity})
          {f.mandatedReport ? ' · may need a report' : ''}
        </li>
      ))}
    </ul>
  );
}

function Segment({ segment }: { segment: SegmentView }) {
  return (
    <li className={`segment role-${segment.role}`}>
      <span className="time">{clock(segment.start)}</span>{' '}
      <span className="role">{ROLE_WORDS[segment.role]}</span> {segment.text}
    </li>
  );
}
