import { useEffect, useState } from 'react';
import type {
  DraftSentenceView,
  NoteVersionView,
} from '../../../electron/contract/contract';
import type { Client } from '../api/client';
import { useClient } from '../api/context';
import { ErrorText } from '../components/Feedback';
import { SessionPicker } from '../components/SessionPicker';
import { dateOnly } from '../lib/format';
import { lowEvidenceCount } from '../review/evidence';
import { useEvidenceAudio } from '../stores/evidenceAudio';
import { useNavigation } from '../stores/navigation';
import { isLocked, selectedClipRequest, useReview } from '../stores/review';
import {
  RedraftControls,
  RedraftSectionButton,
  type DraftEngineChoice,
} from './RedraftControls';
import { TranscriptPane } from './TranscriptPane';

/** Review: the draft beside the transcript; every sentence shows its evidence. */
export function ReviewScreen() {
  const sessionId = useNavigation((s) => s.sessionId);
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Notes</h2>
      {sessionId ? (
        <ReviewBody sessionId={sessionId} />
      ) : (
        <SessionPicker screen="notes" />
      )}
    </section>
  );
}

function ReviewBody({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const { detail, error, open } = useReview();

  useEffect(() => {
    void open(client, sessionId);
  }, [client, sessionId, open]);
  // Leaving the review (or the session) stops its evidence audio.
  useEffect(() => () => useEvidenceAudio.getState().stop(), [sessionId]);

  if (!detail) return <ErrorText error={error} />;
  const note = detail.note;
  const a = detail.appointment;
  return (
    <>
      <p className="subtitle">
        {a.client.givenName} {a.client.familyName} ·{' '}
        {dateOnly(a.scheduledStart)}
      </p>
      <ErrorText error={error} />
      {!note && <p>No draft yet: import or record the session first.</p>}
      {note && (
        <div className="review">
          <NotePane note={note} clinician={a.clinician} />
          <TranscriptPane />
        </div>
      )}
    </>
  );
}

function NotePane({
  note,
  clinician,
}: {
  note: NoteVersionView;
  clinician: { id: string; name: string };
}) {
  const locked = isLocked(note);
  const low = lowEvidenceCount(note.draft);
  const busy = useReview((s) => s.busy);
  const [engine, setEngine] = useState<DraftEngineChoice>(note.draft.engine);
  return (
    <article className="note" aria-label="Note">
      <header className="note-head">
        <span className="badge" data-testid="note-status">
          {note.status}
        </span>
        <span>
          {note.draft.format.toUpperCase()} · version {note.version}
        </span>
        {note.signedAt && (
          <span>
            Signed {dateOnly(note.signedAt)} by{' '}
            {signerName(note.signedBy, clinician)}
          </span>
        )}
      </header>
      {!locked && (
        <RedraftControls
          key={note.draft.format}
          note={note}
          engine={engine}
          onEngine={setEngine}
        />
      )}
      {busy && <p role="status">Working on the note…</p>}
      {note.draft.fallbackReason && (
        <p className="warn-text">
          Drafted by rules: the language model was not available.
        </p>
      )}
      {note.draft.incomplete && (
        <p className="warn-text">
          Parts of this draft need your edit before signing.
        </p>
      )}
      {low > 0 && (
        <p className="warn-text">
          {low} sentence(s) have thin evidence and are marked{' '}
          <span className="evidence-mark" aria-hidden="true">
            thin evidence
          </span>
          : check them against the transcript.
        </p>
      )}
      {note.draft.noContent && (
        <p>This session held no clinical content; nothing was drafted.</p>
      )}
      {note.draft.sections.map((section) => (
        <section key={section.id} aria-label={section.title}>
          <div className="section-head">
            <h3>{section.title}</h3>
            {!locked && (
              <RedraftSectionButton
                sectionId={section.id}
                title={section.title}
                format={note.draft.format}
                engine={engine}
              />
            )}
          </div>
          {section.sentences.map((s) => (
            <Sentence key={s.id} sentence={s} locked={locked} />
          ))}
        </section>
      ))}
      <NoteActions note={note} />
    </article>
  );
}

function Sentence({
  sentence,
  locked,
}: {
  sentence: DraftSentenceView;
  locked: boolean;
}) {
  const client = useClient();
  const { selected, edits, select, edit } = useReview();
  const [editing, setEditing] = useState(false);
  const text = edits[sentence.id] ?? sentence.text;
  const classes = [
    'sentence',
    sentence.lowEvidence ? 'low-evidence' : '',
    selected === sentence.id ? 'selected' : '',
  ];

  if (editing) {
    return (
      <textarea
        aria-label="Edit sentence"
        value={text}
        autoFocus
        onChange={(e) => edit(sentence.id, e.target.value)}
        onBlur={() => setEditing(false)}
      />
    );
  }
  return (
    <span className="sentence-wrap">
      <button
        type="button"
        className={classes.join(' ').trim()}
        aria-pressed={selected === sentence.id}
        title={
          sentence.lowEvidence
            ? 'Thin evidence: check it against the transcript'
            : 'Show the evidence'
        }
        onClick={() => {
          select(sentence.id);
          playSelected(client);
        }}
        onDoubleClick={() => !locked && setEditing(true)}
      >
        {text}
        {sentence.lowEvidence && (
          <>
            <span className="sr-only"> (low evidence)</span>
            <span className="evidence-mark" aria-hidden="true">
              thin evidence
            </span>
          </>
        )}
      </button>
      {selected === sentence.id && 'segmentIds' in sentence.evidence && (
        <button
          type="button"
          className="link"
          aria-label="Play the evidence audio"
          onClick={() => playSelected(client)}
        >
          Play
        </button>
      )}
      {!locked && selected === sentence.id && (
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit
        </button>
      )}{' '}
    </span>
  );
}

/** The signer is a user id; the rendering clinician is shown by name. */
function signerName(
  signedBy: string | undefined,
  clinician: { id: string; name: string },
): string {
  return !signedBy || signedBy === clinician.id ? clinician.name : signedBy;
}

/** Plays the selected sentence's evidence, or stops when it has none in speech. */
function playSelected(client: Client): void {
  const request = selectedClipRequest(useReview.getState());
  if (request) void useEvidenceAudio.getState().play(client, request);
  else useEvidenceAudio.getState().stop();
}

function NoteActions({ note }: { note: NoteVersionView }) {
  const client = useClient();
  const { edits, busy, save, discard, sign, amend } = useReview();
  const go = useNavigation((s) => s.go);
  const [reason, setReason] = useState('');
  const dirty = Object.keys(edits).length > 0;

  if (isLocked(note)) {
    return (
      <div className="actions">
        <label>
          Amendment reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={busy || !dirty || reason.trim().length < 3}
          onClick={() => void amend(client, reason)}
        >
          Amend note
        </button>
        <button type="button" onClick={() => go('billing')}>
          Open billing
        </button>
        {!dirty && (
          <span className="muted">Select a sentence and edit it to amend.</span>
        )}
      </div>
    );
  }
  return (
    <div className="actions">
      <button
        type="button"
        disabled={busy || !dirty}
        onClick={() => void save(client)}
      >
        Save edits
      </button>
      <button type="button" disabled={busy || !dirty} onClick={discard}>
        Discard edits
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void sign(client)}
      >
        Sign note
      </button>
    </div>
  );
}
