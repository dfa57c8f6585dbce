import { humanize } from './format';

const TONES: Record<string, string> = {
  READY: 'ok',
  CONFIRMED_SAME: 'danger',
  CONFIRMED_DUPLICATE: 'danger',
  SAME: 'danger',
  CONFIRMED_DIFFERENT: 'ok',
  NOT_DUPLICATE: 'ok',
  DIFFERENT: 'ok',
  FAILED: 'danger',
  NEEDS_ADJUDICATION: 'warn',
  NEEDS_DISCUSSION: 'warn',
  UNSURE: 'warn',
  IN_ANNOTATION: 'info',
  INGESTING: 'info',
  EMBEDDING: 'info',
  SCORING: 'info',
  DECIDED: 'info',
  ADMIN: 'info',
  EDITOR: 'info',
};

/** A small status pill; colour follows meaning (red = duplicate/failure, amber = open question). */
export function Badge({ value, label }: { value: string; label?: string }) {
  return (
    <span className={`badge badge--${TONES[value] ?? 'neutral'}`}>{label ?? humanize(value)}</span>
  );
}
