import { type ReactNode, useId } from 'react';

/** A card holding a full-width table under a heading. */
export function TableCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card card--table" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
