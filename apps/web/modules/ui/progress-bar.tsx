/** A labelled progress bar; `value` of `max`. Indeterminate when max is 0 and active is set. */
export function ProgressBar({
  label,
  value,
  max,
  detail,
  tone = 'default',
}: {
  label: string;
  value: number;
  max: number;
  detail?: string;
  tone?: 'default' | 'done' | 'error';
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className={`progress progress--${tone}`}>
      <div className="progress__head">
        <span className="progress__label">{label}</span>
        <span className="progress__detail">{detail ?? `${value} / ${max}`}</span>
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
