import { useEffect, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  SessionDetailView,
  SessionSummaryView,
} from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { groupByClient, trendRows, type ClientGroup } from '../clients/trend';
import { ErrorText } from '../components/Feedback';
import { errorWords } from '../lib/callError';
import { dateOnly } from '../lib/format';
import { useNavigation } from '../stores/navigation';

/** Clients: each one's sessions, notes and PHQ-9/GAD-7 trend. */
export function ClientsScreen() {
  const client = useClient();
  const [groups, setGroups] = useState<ClientGroup[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    client
      .call('session:list', {})
      .then((list) => setGroups(groupByClient(list)))
      .catch((e: unknown) => setError(errorWords(e)));
  }, [client]);

  const group = groups.find((g) => g.clientId === chosen);
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Clients</h2>
      <ErrorText error={error} />
      <div className="split">
        <ul className="list" aria-label="Clients">
          {groups.map((g) => (
            <li key={g.clientId}>
              <button
                type="button"
                aria-pressed={g.clientId === chosen}
                onClick={() => setChosen(g.clientId)}
              >
                {g.label} ({g.sessions.length})
              </button>
            </li>
          ))}
        </ul>
        {group && <ClientHistory group={group} />}
      </div>
    </section>
  );
}

function ClientHistory({ group }: { group: ClientGroup }) {
  const client = useClient();
  const openSession = useNavigation((s) => s.openSession);
  const [details, setDetails] = useState<SessionDetailView[]>([]);

  useEffect(() => {
    void Promise.all(
      group.sessions.map((s) =>
        client.call('session:get', { sessionId: s.id }).catch(() => undefined),
      ),
    ).then((list) =>
      setDetails(list.filter((d): d is SessionDetailView => d !== undefined)),
    );
  }, [client, group]);

  const rows = trendRows(details);
  return (
    <div className="history">
      <h3>{group.label}</h3>
      {rows.length > 0 ? (
        <figure aria-label="PHQ-9 and GAD-7 trend">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" />
              <YAxis domain={[0, 27]} />
              <Tooltip />
              <Legend />
              <Line
                type="monotone"
                dataKey="phq9"
                name="PHQ-9"
                stroke="#2f6f5e"
                connectNulls
              />
              <Line
                type="monotone"
                dataKey="gad7"
                name="GAD-7"
                stroke="#b45309"
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ) : (
        <p>No PHQ-9 or GAD-7 scores yet.</p>
      )}
      <ul className="list" aria-label="Sessions">
        {group.sessions.map((s: SessionSummaryView) => (
          <li key={s.id}>
            <button type="button" onClick={() => openSession(s.id, 'notes')}>
              {dateOnly(s.scheduledStart)} · {s.noteStatus ?? s.status}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
