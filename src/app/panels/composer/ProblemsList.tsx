import type { Problem } from './useComposerEditor';

/** The problems line under the editor: the editor's error and warning markers, in words. */
export function ProblemsList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className={`composer-problems${problems.length ? '' : ' is-empty'}`} aria-label="Problems">
      {problems.length === 0 ? (
        <li className="muted">No problems</li>
      ) : (
        problems.map((p, i) => (
          <li key={i} className="composer-problem">
            <span className="mono muted">
              Ln {p.line}, Col {p.column}
            </span>{' '}
            {p.message}
          </li>
        ))
      )}
    </ul>
  );
}
