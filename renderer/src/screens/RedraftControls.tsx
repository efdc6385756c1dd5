import { useState } from 'react';
import type { NoteVersionView } from '../../../electron/contract/contract';
import { useClient } from '../api/context';
import { useReview } from '../stores/review';
import { NOTE_FORMATS } from './ImportPanel';

export type DraftEngineChoice = 'rules' | 'llm';

/**
 * Switches the unsigned note to another template, drafted again from the
 * transcript. The engine chosen here also redrafts single sections.
 */
export function RedraftControls({
  note,
  engine,
  onEngine,
}: {
  note: NoteVersionView;
  engine: DraftEngineChoice;
  onEngine: (engine: DraftEngineChoice) => void;
}) {
  const client = useClient();
  const { busy, redraft } = useReview();
  const [format, setFormat] = useState(note.draft.format);
  const switching = format !== note.draft.format;

  return (
    <div className="form-row redraft" role="group" aria-label="Redraft">
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
          onChange={(e) => onEngine(e.target.value === 'llm' ? 'llm' : 'rules')}
        >
          <option value="rules">Rules (fast)</option>
          <option value="llm">Local language model</option>
        </select>
      </label>
      <button
        type="button"
        disabled={busy}
        onClick={() => void redraft(client, { format, engine })}
      >
        {switching ? `Switch to ${format.toUpperCase()}` : 'Redraft whole note'}
      </button>
    </div>
  );
}

/** Drafts one section again in the note's template; the rest is kept. */
export function RedraftSectionButton({
  sectionId,
  title,
  format,
  engine,
}: {
  sectionId: string;
  title: string;
  format: string;
  engine: DraftEngineChoice;
}) {
  const client = useClient();
  const { busy, redraft } = useReview();
  return (
    <button
      type="button"
      className="link"
      disabled={busy}
      aria-label={`Redraft ${title}`}
      onClick={() => void redraft(client, { format, engine, sectionId })}
    >
      Redraft section
    </button>
  );
}
