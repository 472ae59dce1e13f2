import type { ReactNode } from 'react';

export interface SectionProps {
  title: string;
  count?: number;
  children: ReactNode;
  /** Prefix of the heading's id, unique per place the section is shown (the same section in two panes). */
  idPrefix?: string;
  /** The heading's level where the section sits (default 3). */
  level?: 3 | 4;
}

/** One titled part of the inspector, with an optional count. */
export function Section({ title, count, children, idPrefix = 'insp', level = 3 }: SectionProps) {
  const id = `${idPrefix}-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const Heading = level === 4 ? 'h4' : 'h3';
  return (
    <section className="insp-section" aria-labelledby={id}>
      <Heading id={id} className="sub-heading">
        {title}
        {count !== undefined && <span className="insp-count">{count}</span>}
      </Heading>
      {children}
    </section>
  );
}
