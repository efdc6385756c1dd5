import { useState } from 'react';
import type {
  ModelView,
  SettingsView,
} from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { size } from '../lib/format';
import {
  downloadFraction,
  useModels,
  type ModelDownload,
} from '../stores/settingsModels';

/** Speech models: size, where stored, recommendation, download, import. */
export function ModelsPanel({
  settings,
  models,
}: {
  settings: SettingsView | undefined;
  models: ModelView[];
}) {
  const recommended = models.find((m) => m.recommended);
  // Absent from cores without accounts (UI work): the core still decides.
  const mayChange = settings?.canAdminister !== false;
  return (
    <section className="panel" aria-labelledby="models-title">
      <h3 id="models-title">Speech models</h3>
      {settings && (
        <p className="muted">
          Stored in {settings.modelsDir} · this machine:{' '}
          {settings.hardware.cores} cores, {settings.hardware.memoryGiB} GiB
          memory
          {recommended && `; ${recommended.name} suits it best`}
        </p>
      )}
      <table aria-label="Speech models">
        <thead>
          <tr>
            <th>Model</th>
            <th>Size</th>
            <th>Status</th>
            <th>Licence</th>
            <th>Action</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <ModelRow key={m.name} model={m} mayChange={mayChange} />
          ))}
        </tbody>
      </table>
      <p className="muted">
        Downloads resume where they stopped and are checked against a pinned
        checksum before use.
      </p>
      {mayChange ? (
        <ImportModel />
      ) : (
        <p className="muted">
          An administrator or the practice owner downloads and imports models.
        </p>
      )}
    </section>
  );
}

function ModelRow({
  model,
  mayChange,
}: {
  model: ModelView;
  mayChange: boolean;
}) {
  const client = useClient();
  const download = useModels((s) => s.downloads[model.name]);
  const start = useModels((s) => s.download);
  const running = download?.state === 'downloading';
  const verb = download?.state === 'cancelled' ? 'Resume download' : 'Download';

  return (
    <tr>
      <td>
        {model.name}
        {model.recommended && <span className="badge">recommended</span>}
      </td>
      <td>{size(model.sizeBytes)}</td>
      <td>
        {model.installed ? 'Installed' : 'Not installed'}
        {download && <DownloadStatus name={model.name} download={download} />}
      </td>
      <td>{model.licence}</td>
      <td>
        {mayChange && !model.installed && !model.downloadable && (
          <span className="muted">No pinned checksum: import a copy</span>
        )}
        {mayChange && !model.installed && model.downloadable && !running && (
          <button
            type="button"
            aria-label={`${verb} ${model.name}`}
            onClick={() => void start(client, model.name)}
          >
            {verb}
          </button>
        )}
      </td>
    </tr>
  );
}

function DownloadStatus({
  name,
  download,
}: {
  name: string;
  download: ModelDownload;
}) {
  const client = useClient();
  const cancel = useModels((s) => s.cancel);

  if (download.state !== 'downloading') {
    return download.message ? (
      <p role="status" className={download.state === 'failed' ? 'error' : ''}>
        {download.message}
      </p>
    ) : null;
  }
  const percent = Math.round(downloadFraction(download) * 100);
  return (
    <div className="progress">
      <label>
        Downloading {name}: {bytes(download.receivedBytes)}
        {download.totalBytes !== null && ` of ${bytes(download.totalBytes)}`} (
        {percent}%)
        <progress
          max={100}
          value={percent}
          aria-label={`Download of ${name}`}
        />
      </label>
      <button
        type="button"
        aria-label={`Cancel download of ${name}`}
        onClick={() => void cancel(client, name)}
      >
        Cancel
      </button>
    </div>
  );
}

function ImportModel() {
  const client = useClient();
  const importing = useModels((s) => s.importing);
  const importFile = useModels((s) => s.importFile);
  const [file, setFile] = useState<File | undefined>();
  const busy = importing?.state === 'importing';

  return (
    <div className="form-row">
      <label>
        Model file to import
        <input
          type="file"
          accept=".bin,.gguf"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </label>
      <button
        type="button"
        disabled={!file || busy}
        onClick={() => file && void importFile(client, file)}
      >
        {busy ? 'Importing…' : 'Import model'}
      </button>
      {importing?.message && (
        <p
          role="status"
          className={importing.state === 'failed' ? 'error' : ''}
        >
          {importing.message}
        </p>
      )}
    </div>
  );
}

/** Bytes in kB below a megabyte, else in MB with one decimal. */
function bytes(n: number): string {
  if (n < 1e6) return `${Math.round(n / 1e3)} kB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}
