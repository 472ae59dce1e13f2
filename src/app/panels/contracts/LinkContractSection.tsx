import { useMemo } from 'react';
import { useWorkbench } from '../../store/WorkbenchContext';
import { Section } from '../inspector/Section';
import { ViolationList } from './ViolationList';
import { linkViolationCount, violationCountText, violationsBetween } from './violationsView';

/** Shown at most: the latest violations on the link (the count above is exact). */
const MAX_LISTED = 50;

/** The link inspector's "Contract" section: the exact count, then the latest violations across the link. */
export function LinkContractSection({ a, b }: { a: string; b: string }) {
  const inUse = useWorkbench((s) => s.contracts !== null);
  const count = useWorkbench((s) => linkViolationCount(s.violations.counts, a, b));
  const byMessage = useWorkbench((s) => s.violations.byMessage);
  const order = useWorkbench((s) => s.violations.order);
  const listed = useMemo(() => violationsBetween(byMessage, order, a, b).slice(-MAX_LISTED), [byMessage, order, a, b]);
  if (!inUse && count === 0) return null;
  return (
    <Section title="Contract" count={count}>
      {count === 0 ? (
        <p className="muted small">No contract violation on this link.</p>
      ) : (
        <>
          <p className="small">{violationCountText(count)} on this link.</p>
          {listed.length < count && <p className="muted small">The latest {listed.length} are listed.</p>}
          <ViolationList violations={listed} label={`Contract violations between ${a} and ${b}`} />
        </>
      )}
    </Section>
  );
}
