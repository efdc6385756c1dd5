import { useEffect } from 'react';
import type { AppointmentView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { timeOfDay } from '../lib/format';
import { useAuth } from '../stores/auth';
import { useNavigation } from '../stores/navigation';
import { sessionFor, useToday } from '../stores/today';

/** Today: the schedule, each appointment one click from a session. */
export function TodayScreen() {
  const client = useClient();
  const { appointments, sessions, loading, error, load } = useToday();

  useEffect(() => {
    void load(client);
  }, [client, load]);

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Today</h2>
      <ErrorText error={error} />
      {loading && <p role="status">Loading the schedule…</p>}
      {!loading && appointments.length === 0 && (
        <p>No appointments on today’s schedule.</p>
      )}
      <NewSessionFromFile />
      <ul className="cards" aria-label="Appointments">
        {appointments.map((a) => (
          <AppointmentCard
            key={a.id}
            appointment={a}
            sessionId={sessionFor(sessions, a.id)?.id}
          />
        ))}
      </ul>
    </section>
  );
}

/** An unscheduled session: the appointment comes as a file (EHR export). */
function NewSessionFromFile() {
  const client = useClient();
  const startFromFile = useToday((s) => s.startFromFile);
  const userId = useAuth((s) => s.status?.user?.id);
  const openSession = useNavigation((s) => s.openSession);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const session = await startFromFile(client, await file.text(), userId);
    if (session) openSession(session.id);
  };
  return (
    <div className="panel">
      <label>
        New session from an appointment file
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </label>
    </div>
  );
}

function AppointmentCard({
  appointment: a,
  sessionId,
}: {
  appointment: AppointmentView;
  sessionId: string | undefined;
}) {
  const client = useClient();
  const start = useToday((s) => s.start);
  const openSession = useNavigation((s) => s.openSession);
  const name = `${a.client.givenName} ${a.client.familyName}`;

  const begin = async (adHoc: boolean) => {
    const session = await start(client, a.id, adHoc);
    if (session) openSession(session.id);
  };

  return (
    <li
      className="card"
      aria-label={`${name} at ${timeOfDay(a.scheduledStart)}`}
    >
      <h3>{name}</h3>
      <p>
        {timeOfDay(a.scheduledStart)}–{timeOfDay(a.scheduledEnd)} · {a.modality}{' '}
        · {a.service} · {a.payer.name}
      </p>
      <div className="actions">
        {sessionId ? (
          <button type="button" onClick={() => openSession(sessionId)}>
            Open session
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void begin(false)}
          >
            Start session
          </button>
        )}
        <button type="button" onClick={() => void begin(true)}>
          Ad-hoc session now
        </button>
      </div>
    </li>
  );
}
