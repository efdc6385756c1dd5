import { useEffect, useState } from 'react';
import type { SessionSummaryView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { errorWords } from '../lib/callError';
import { dateOnly, timeOfDay } from '../lib/format';
import { useNavigation, type Screen } from '../stores/navigation';
import { ErrorText } from './Feedback';

/** Lists sessions so a screen that needs one can open it. */
export function SessionPicker({
  screen,
  filter,
}: {
  screen: Screen;
  filter?: (s: SessionSummaryView) => boolean;
}) {
  const client = useClient();
  const openSession = useNavigation((s) => s.openSession);
  const [sessions, setSessions] = useState<SessionSummaryView[]>([]);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    client
      .call('session:list', {})
      .then((list) => setSessions(filter ? list.filter(filter) : list))
      .catch((e: unknown) => setError(errorWords(e)));
  }, [client, filter]);

  return (
    <div>
      <ErrorText error={error} />
      {sessions.length === 0 && !error && (
        <p>No sessions yet. Start one from Today.</p>
      )}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => openSession(s.id, screen)}>
              {s.clientLabel} · {dateOnly(s.scheduledStart)}{' '}
              {timeOfDay(s.scheduledStart)} · {s.noteStatus ?? s.status}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
