import { useState } from 'react';
import { useClient } from '../api/context';
import { ErrorText, Progress } from '../components/Feedback';
import { useImport } from '../stores/importJob';
import { useNavigation } from '../stores/navigation';

export const NOTE_FORMATS = [
  { id: 'soap', label: 'SOAP' },
  { id: 'birp', label: 'BIRP' },
  { id: 'dap', label: 'DAP' },
  { id: 'girp', label: 'GIRP' },
] as const;

/** Drop in a recording made elsewhere (Zoom's local file, a phone). */
export function ImportPanel({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const { job, importFile, cancel } = useImport();
  const openSession = useNavigation((s) => s.openSession);
  const [file, setFile] = useState<File | undefined>();
  const [format, setFormat] = useState('soap');
  const [engine, setEngine] = useState<'rules' | 'llm'>('rules');
  const mine = job?.sessionId === sessionId ? job : undefined;
  const running = mine?.state === 'uploading' || mine?.state === 'running';

  return (
    <section className="panel" aria-labelledby="import-title">
      <h3 id="import-title">Import a recording</h3>
      <div className="form-row">
        <label>
          Recording file
          <input
            type="file"
            accept="audio/*,video/*,.flac,.wav,.m4a,.mp3,.mp4"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <label>
          Note template
          <select value={format} onChange={(e) => setFormat(e.target.value)}>
            {NOTE_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Drafting
          <select
            value={engine}
            onChange={(e) =>
              setEngine(e.target.value === 'llm' ? 'llm' : 'rules')
            }
          >
            <option value="rules">Rules (fast)</option>
            <option value="llm">Local language model</option>
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={!file || running}
          onClick={() =>
            file && void importFile(client, sessionId, file, { format, engine })
          }
        >
          Import and transcribe
        </button>
      </div>
      {mine && running && (
        <Progress
          label={`Processing: ${mine.step}`}
          fraction={mine.fraction}
          onCancel={() => void cancel(client)}
        />
      )}
      {mine?.state === 'cancelled' && <p role="status">Import cancelled.</p>}
      <ErrorText error={mine?.error} />
      {mine?.state === 'done' && (
        <p role="status">
          Transcript and draft are ready.{' '}
          <button
            type="button"
            className="primary"
            onClick={() => openSession(sessionId, 'notes')}
          >
            Open review
          </button>
        </p>
      )}
    </section>
  );
}
