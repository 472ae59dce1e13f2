import type { ReactNode } from 'react';

/** One titled part of the inspector, with an optional count. */
export function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = `insp-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="insp-section" aria-labelledby={id}>
      <h3 id={id} className="sub-heading">
        {title}
        {count !== undefined && <span className="insp-count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}
