import { useEffect } from 'react';
import type {
  InstrumentView,
  RecordedAssessmentView,
} from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { unanswered, useQuickEntry } from '../stores/quickEntry';

/** PHQ-9 or GAD-7 answers recorded by the clinician during the session. */
export function QuickEntryPanel({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const entry = useQuickEntry();
  const { load, open } = entry;

  useEffect(() => {
    open(sessionId);
    void load(client);
  }, [client, sessionId, load, open]);

  const instrument = entry.instruments.find((i) => i.id === entry.instrumentId);
  return (
    <section className="panel" aria-labelledby="quick-entry-title">
      <h3 id="quick-entry-title">Quick entry</h3>
      <div role="radiogroup" aria-label="Instrument" className="actions">
        {entry.instruments.map((i) => (
          <label key={i.id} className="inline">
            <input
              type="radio"
              name="instrument"
              checked={i.id === entry.instrumentId}
              onChange={() => entry.choose(i.id)}
            />
            {i.name}
          </label>
        ))}
      </div>
      {instrument && (
        <ItemTable instrument={instrument} answers={entry.answers} />
      )}
      {instrument && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={entry.saving}
            onClick={() => void entry.save(client)}
          >
            Save {instrument.name}
          </button>
          <span className="muted">
            {unanswered(instrument, entry.answers)} items unanswered
          </span>
        </div>
      )}
      <ErrorText error={entry.error} />
      {entry.saved.length > 0 && <SavedList saved={entry.saved} />}
    </section>
  );
}

function ItemTable({
  instrument,
  answers,
}: {
  instrument: InstrumentView;
  answers: readonly (number | null)[];
}) {
  const answer = useQuickEntry((s) => s.answer);
  return (
    <table className="quick-entry">
      <caption>
        {instrument.stem}{' '}
        <span className="muted">
          ({instrument.options.map((o) => `${o.value} ${o.label}`).join(' · ')})
        </span>
      </caption>
      <tbody>
        {instrument.items.map((item) => {
          const name = `${instrument.id}-item-${item.index}`;
          const label = `${instrument.name} item ${item.index}`;
          return (
            <tr key={item.index}>
              <th scope="row" id={name}>
                {item.index}. {item.text}
              </th>
              <td role="radiogroup" aria-label={label}>
                {(item.options ?? instrument.options).map((o) => (
                  <label key={o.value} className="inline" title={o.label}>
                    <input
                      type="radio"
                      name={name}
                      aria-label={`${label}: ${o.label}`}
                      checked={answers[item.index - 1] === o.value}
                      onChange={() => answer(item.index, o.value)}
                    />
                    {o.value}
                  </label>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SavedList({ saved }: { saved: RecordedAssessmentView[] }) {
  const instruments = useQuickEntry((s) => s.instruments);
  const nameOf = (id: string) =>
    instruments.find((i) => i.id === id)?.name ?? id;
  return (
    <ul aria-label="Saved entries" className="saved-entries">
      {saved.map(({ assessment: a }, i) => (
        <li key={i} data-testid="saved-assessment">
          {nameOf(a.instrumentId)} total {a.total ?? 'not scored'}
          {a.severity ? ` (${a.severity})` : ''}
          {a.prorated ? ', prorated' : ''}
        </li>
      ))}
    </ul>
  );
}
