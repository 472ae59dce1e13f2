/** A replay's outcome: the verdict, the divergences (the first marked), one conversation side by side. */
import { useMemo, useState } from 'react';
import type { ReplayReport } from '../../../experiments/replay/replayRecording';
import type { ReplayOutcome } from '../../../browser/replay/types';
import { pairedId, reportView, sideBySide, type DivergenceRow } from './divergenceView';
import { standInRows } from './standInView';

function StandInList({ report }: { report: ReplayOutcome }) {
  const rows = useMemo(() => standInRows(report.standIns), [report]);
  if (rows.length === 0) return null;
  return (
    <ul className="replay-standin-results small" aria-label="Stand-ins">
      {rows.map((row) => (
        <li key={row.agent} className={row.ok ? undefined : 'lab-fail-text'}>
          {row.summary}
          {row.misses.length > 0 && (
            <ol aria-label={`Unanswered by the stand-in for ${row.agent}`}>
              {row.misses.map((miss, i) => (
                <li key={i} className="mono">
                  {miss}
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}

function DivergenceList({ rows, onPick }: { rows: readonly DivergenceRow[]; onPick(row: DivergenceRow): void }) {
  return (
    <ol className="replay-divergences" aria-label="Divergences">
      {rows.map((row) => (
        <li key={row.key} aria-current={row.first ? 'true' : undefined}>
          <button type="button" className="replay-marker" onClick={() => onPick(row)}>
            {row.first && <strong>First: </strong>}
            {row.text}
          </button>
        </li>
      ))}
    </ol>
  );
}

function SideBySide({ report, conversation }: { report: ReplayReport; conversation: string }) {
  const rows = useMemo(() => sideBySide(report, conversation), [report, conversation]);
  const replayedId = pairedId(report, conversation);
  const side = (label: string, pick: (r: (typeof rows)[number]) => string | undefined) => (
    <div>
      <h4 className="lab-h">{label}</h4>
      <ol aria-label={label}>
        {rows.map((r) => (
          <li key={r.index} className={r.differs ? 'replay-differs' : undefined}>
            {pick(r) ?? <span className="muted">(none)</span>}
          </li>
        ))}
      </ol>
    </div>
  );
  return (
    <div className="replay-side" role="group" aria-label={`Conversation ${conversation} side by side`}>
      {side(`Recorded ${conversation}`, (r) => r.recorded)}
      {side(`Replayed ${replayedId ?? '(none)'}`, (r) => r.replayed)}
    </div>
  );
}

export function ReplayResults({ report, onJump }: { report: ReplayOutcome; onJump?(seq: number): void }) {
  const view = useMemo(() => reportView(report), [report]);
  const [picked, setPicked] = useState<string | null>(null);
  const conversation = picked ?? view.focus;
  return (
    <section className="replay-section" aria-label="Replay results">
      <p role="status" aria-label="Replay verdict" className={view.ok ? 'lab-pass-text' : 'lab-fail-text'}>
        {view.verdict}
      </p>
      <StandInList report={report} />
      {view.refused.length > 0 && (
        <ul className="lab-errors small" aria-label="Refused inputs">
          {view.refused.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {view.rows.length > 0 && (
        <DivergenceList
          rows={view.rows}
          onPick={(row) => {
            setPicked(row.conversation);
            if (row.seq !== undefined) onJump?.(row.seq);
          }}
        />
      )}
      {conversation && <SideBySide report={report} conversation={conversation} />}
    </section>
  );
}
