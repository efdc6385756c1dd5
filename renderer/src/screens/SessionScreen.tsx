import { useEffect, useState } from 'react';
import type { SessionDetailView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { SessionPicker } from '../components/SessionPicker';
import { timeOfDay } from '../lib/format';
import { errorWords } from '../lib/callError';
import { useNavigation } from '../stores/navigation';
import { CapturePanel } from './CapturePanel';
import { ImportPanel } from './ImportPanel';
import { QuickEntryPanel } from './QuickEntryPanel';

/** The live session: capture with consent, or import a recording made elsewhere. */
export function SessionScreen() {
  const sessionId = useNavigation((s) => s.sessionId);
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Session</h2>
      {sessionId ? (
        <SessionBody sessionId={sessionId} />
      ) : (
        <SessionPicker screen="session" />
      )}
    </section>
  );
}

function SessionBody({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const [detail, setDetail] = useState<SessionDetailView | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    client
      .call('session:get', { sessionId })
      .then(setDetail)
      .catch((e: unknown) => setError(errorWords(e)));
  }, [client, sessionId]);

  if (!detail) return <ErrorText error={error} />;
  const a = detail.appointment;
  return (
    <>
      <p className="subtitle">
        {a.client.givenName} {a.client.familyName} ·{' '}
        {timeOfDay(a.scheduledStart)} · {a.modality} ·{' '}
        <span data-testid="session-status">{detail.summary.status}</span>
      </p>
      <CapturePanel sessionId={sessionId} />
      <QuickEntryPanel sessionId={sessionId} />
      <ImportPanel sessionId={sessionId} />
    </>
  );
}
