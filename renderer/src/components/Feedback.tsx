/** A failure in plain words; announced to screen readers. */
export function ErrorText({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

interface ProgressProps {
  label: string;
  fraction: number;
  onCancel?: () => void;
}

/** Long work: a labelled bar and, when it can stop, a Cancel button. */
export function Progress({ label, fraction, onCancel }: ProgressProps) {
  const percent = Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  return (
    <div className="progress">
      <label>
        {label} ({percent}%)
        <progress max={100} value={percent} aria-label={label} />
      </label>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** A channel's input level, 0..1, with its role as the label. */
export function LevelMeter({
  label,
  level,
  silent,
}: {
  label: string;
  level: number;
  silent: boolean;
}) {
  return (
    <div className={silent ? 'meter meter-silent' : 'meter'}>
      <label>
        {label}
        <meter
          min={0}
          max={1}
          low={0.05}
          high={0.8}
          optimum={0.3}
          value={level}
          aria-label={`${label} level`}
        />
      </label>
      {silent && <span className="warn-text">No sound</span>}
    </div>
  );
}
