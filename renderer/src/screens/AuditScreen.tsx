import { useEffect, useState } from 'react';
import type { AuditView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { errorWords } from '../lib/callError';

const ACTIONS = [
  '',
  'create',
  'read',
  'update',
  'delete',
  'export',
  'push',
  'sign',
  'amend',
  'recover',
  'policy_change',
  'rekey',
];

/** Audit: the append-only trail, filterable by action, object and actor. */
export function AuditScreen() {
  const client = useClient();
  const [rows, setRows] = useState<AuditView[]>([]);
  const [action, setAction] = useState('');
  const [objectType, setObjectType] = useState('');
  const [actor, setActor] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const query = {
      ...(action ? { action } : {}),
      ...(objectType ? { objectType } : {}),
      ...(actor ? { actor } : {}),
    };
    client
      .call('audit:list', query)
      .then((list) => {
        setRows(list);
        setError(undefined);
      })
      .catch((e: unknown) => setError(errorWords(e)));
  }, [client, action, objectType, actor]);

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Audit</h2>
      <div className="form-row" role="search">
        <label>
          Action
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a || 'any'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Object type
          <input
            value={objectType}
            onChange={(e) => setObjectType(e.target.value.trim())}
          />
        </label>
        <label>
          Actor
          <input
            value={actor}
            onChange={(e) => setActor(e.target.value.trim())}
          />
        </label>
      </div>
      <ErrorText error={error} />
      <table aria-label="Audit trail">
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Object</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{new Date(r.at).toLocaleString()}</td>
              <td>{r.actor}</td>
              <td>{r.action}</td>
              <td>
                {r.objectType} {r.objectId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !error && <p>No entries match.</p>}
    </section>
  );
}
