import { useEffect, useRef, useState } from 'react';
import { useActions } from '../../actions/ActionsContext';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import type { RunState } from '../../session/sessionTypes';
import { useSession, useWorkspaceSession } from '../../session/WorkspaceContext';
import { RunResult } from './RunResult';
import { runChecks } from './runChecks';
import './patterns.css';

function outcomeText(run: RunState, checks: { ok: number; total: number } | null): string {
  if (run.status === 'idle') return 'Not run yet';
  if (run.status === 'running') return 'Running…';
  const v = run.verdict;
  if (!v) return run.status;
  const counted = checks ? ` · ${checks.ok} of ${checks.total} checks passed` : '';
  return v.status === 'passed' ? `passed${counted}` : `failed: ${v.why}${counted}`;
}

/** Messages delivered since the run started, and their rate, sampled four times a second. */
function RunLive({ startedAt }: { startedAt: number }) {
  const store = useWorkbenchStore();
  const [shown, setShown] = useState('');
  const base = useRef<number | null>(null);
  useEffect(() => {
    const delivered = () => Object.values(store.getState().agents).reduce((n, a) => n + a.counters.delivered, 0);
    base.current = delivered();
    const tick = () => {
      const count = delivered() - (base.current ?? 0);
      const seconds = Math.max(0.001, (performance.now() - startedAt) / 1000);
      setShown(`${count} ${count === 1 ? 'message' : 'messages'} · ${(count / seconds).toFixed(1)} msg/s`);
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [store, startedAt]);
  return (
    <span className="ws-run-live mono" aria-label="Run traffic">
      {shown}
    </span>
  );
}

/** The loaded pattern: its name, Run, live traffic while it runs, and its result panel after. */
export function ScenarioBar() {
  const session = useWorkspaceSession();
  const scenario = useSession((s) => s.scenario);
  const run = useSession((s) => s.run);
  const busy = useSession((s) => s.phase !== 'ready');
  const actions = useActions();
  const store = useWorkbenchStore();
  // Closed for one verdict only: the next run's result opens again.
  const [closedFor, setClosedFor] = useState<RunState['verdict'] | null>(null);
  const open = run.verdict !== undefined && closedFor !== run.verdict;
  const setOpen = (next: boolean) => setClosedFor(next ? null : run.verdict);
  if (!session || !scenario) return null;
  const all = run.verdict ? runChecks(scenario, run.verdict) : null;
  const checks = all ? { ok: all.filter((c) => c.ok).length, total: all.length } : null;
  return (
    <section className="ws-scenario" aria-label="Pattern run">
      <span className="ws-scenario-title">
        Pattern: <strong>{scenario.title}</strong>
      </span>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy || run.status === 'running'}
        onClick={() => void session.runLoaded()}
      >
        Run
      </button>
      <output className={`ws-outcome ws-outcome-${run.status}`} role="status" aria-label="Run outcome">
        {outcomeText(run, checks)}
      </output>
      {run.status === 'running' && run.startedAt !== undefined && <RunLive startedAt={run.startedAt} />}
      {run.verdict && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-expanded={open}
          aria-controls="ws-run-result"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide result' : 'Show result'}
        </button>
      )}
      {run.verdict && open && (
        <RunResult
          scenario={scenario}
          verdict={run.verdict}
          onClose={() => setOpen(false)}
          onShowInSequence={(messageId) => {
            void actions.run('dock.show', { tab: 'sequence' });
            store.getState().showMessage(messageId);
          }}
        />
      )}
    </section>
  );
}
