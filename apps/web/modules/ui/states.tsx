import type { ReactNode } from 'react';
import { describeError, errorCode } from '../graphql/request';

/** A designed "nothing here yet" panel: what this place is for and the next step. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state state--empty" role="status">
      <div className="state__icon" aria-hidden="true">
        ◇
      </div>
      <h2 className="state__title">{title}</h2>
      {children && <div className="state__body">{children}</div>}
      {action && <div className="state__action">{action}</div>}
    </div>
  );
}

/** An error panel that says what failed in words and offers a retry. */
export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const code = errorCode(error);
  return (
    <div className="state state--error" role="alert">
      <div className="state__icon" aria-hidden="true">
        !
      </div>
      <h2 className="state__title">
        {title ?? (code === 'FORBIDDEN' ? 'Not allowed' : 'Could not load this')}
      </h2>
      <div className="state__body">{describeError(error)}</div>
      {onRetry && code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && (
        <div className="state__action">
          <button type="button" className="btn" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}

/** Placeholder rows shaped like the content that is loading, so the page does not jump. */
export function LoadingState({ label = 'Loading', rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={index} className="skeleton" style={{ width: `${90 - index * 12}%` }} />
      ))}
      <span className="visually-hidden">{label}…</span>
    </div>
  );
}

export function Spinner({ label = 'Working' }: { label?: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}
