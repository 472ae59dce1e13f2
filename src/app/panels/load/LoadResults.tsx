/** The Load tab's results side: mode, seed, Run/Stop/Abort, progress, live charts, threshold verdicts, summary and baselines. */
import { useMemo, useState } from 'react';
import type { LoadRunMode, LoadRunResult } from '../../../experiments/load/run/types';
import type { SummaryAnnotation } from '../../../experiments/load/summary/buildSummary';
import { formatDuration } from '../../../experiments/load/summary/formatFigures';
import { usePanelActive } from '../../shell/usePanelActive';
import { useWorkbench } from '../../store/WorkbenchContext';
import { NumberField, SelectField } from '../../ui/fields';
import { BaselineView } from './BaselineView';
import { CanaryStatus } from './CanaryStatus';
import { loadCharts, seriesScopes } from './chartData';
import { LoadChart } from './LoadChart';
import type { LoadDoc } from './loadDoc';
import { LoadProgressBar } from './LoadProgressBar';
import { ProblemList } from '../../ui/ProblemList';
import { SummaryView } from './SummaryView';
import { ThresholdVerdicts } from './ThresholdVerdicts';
import { verdictText, type LoadLabControls } from './useLoadLab';

const MODES = [
  { value: 'simulation', label: 'Simulation (virtual time)' },
  { value: 'live', label: 'Live workbench' },
] as const;

function RunControls({ lab, doc }: { lab: LoadLabControls; doc: LoadDoc }) {
  const running = useWorkbench((s) => s.loadLab.status === 'running');
  const [mode, setMode] = useState<LoadRunMode>('simulation');
  const [seed, setSeed] = useState<number | null>(null);
  const runSeed = seed ?? doc.seed ?? 1;
  return (
    <div className="lab-toolbar" role="group" aria-label="Run controls">
      <SelectField<LoadRunMode> label="Mode" value={mode} options={MODES} onChange={setMode} />
      <NumberField label="Seed" value={runSeed} max={2 ** 32 - 1} onChange={(s) => setSeed(Math.floor(s) >>> 0)} />
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={running || !lab.available}
        onClick={() => void lab.run(doc, mode, runSeed)}
      >
        Run
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!running}
        onClick={lab.stop}
        title="No new iterations; those in flight finish"
      >
        Stop
      </button>
      <button type="button" className="btn btn-small btn-danger" disabled={!running} onClick={lab.abort} title="Interrupt now">
        Abort
      </button>
    </div>
  );
}

const NO_ANNOTATIONS: readonly SummaryAnnotation[] = [];

/** Drawn only while the tab is shown: a hidden tab does not redraw four charts a few times a second. */
function Charts() {
  const active = usePanelActive();
  const series = useWorkbench((s) => s.loadLab.series);
  const annotations = useWorkbench((s) => s.loadLab.result?.summary.annotations ?? s.loadLab.progress?.annotations ?? NO_ANNOTATIONS);
  const [scopeKey, setScopeKey] = useState('');
  const scopes = useMemo(() => seriesScopes(series), [series]);
  const shown = scopes.find((s) => `${s.tag}:${s.value}` === scopeKey);
  const charts = useMemo(() => (active ? loadCharts(series, shown) : []), [active, series, shown]);
  if (!active || Object.keys(series).length === 0) return null;
  return (
    <section className="load-charts-section" aria-label="Live charts">
      {scopes.length > 1 && (
        <SelectField
          label="Charts for"
          value={shown ? scopeKey : ''}
          options={[
            { value: '', label: 'the whole run' },
            ...scopes.map((s) => ({ value: `${s.tag}:${s.value}`, label: `${s.tag} ${s.value}` })),
          ]}
          onChange={setScopeKey}
        />
      )}
      <div className="load-charts">
        {charts.map((c) => (
          <LoadChart key={c.id} data={c} annotations={annotations} />
        ))}
      </div>
      {annotations.length > 0 && (
        <ul className="small load-events" aria-label="Events on the time axis">
          {annotations.map((a, i) => (
            <li key={i}>
              {formatDuration(a.startMs)}
              {a.endMs !== undefined ? `–${formatDuration(a.endMs)}` : ''}: {a.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The hook's words for what it did; after the tab was closed and opened again, the slice's. */
function statusText(lab: LoadLabControls, running: boolean, result: LoadRunResult | undefined): string {
  if (!lab.available) return 'Load experiments need the kernel worker (not connected).';
  if (lab.status) return lab.status;
  if (running) return 'Running…';
  return result ? verdictText(result) : 'Ready. Pick a ready scenario or build one, then run.';
}

export function LoadResults({ lab, doc }: { lab: LoadLabControls; doc: LoadDoc }) {
  const loadLab = useWorkbench((s) => s.loadLab);
  const running = loadLab.status === 'running';
  const result = loadLab.status === 'done' ? loadLab.result : undefined;
  const thresholds = result ? result.summary.thresholds : (loadLab.progress?.thresholds ?? []);
  return (
    <section className="lab-results" aria-label="Load results">
      <RunControls lab={lab} doc={doc} />
      <p className="small lab-status" role="status" aria-label="Load status">
        {statusText(lab, running, result)}
      </p>
      {lab.refusal && <ProblemList refusal={lab.refusal} label="Load problems" />}
      {(running || loadLab.progress || result) && (
        <LoadProgressBar progress={loadLab.progress} running={running} simulated={loadLab.mode === 'simulation'} />
      )}
      {result && <p className={`load-verdict ${result.passed ? 'load-pass' : 'load-fail'}`}>{result.passed ? '✓ passed' : '✗ failed'}</p>}
      {loadLab.canary && (running || result) && <CanaryStatus canary={loadLab.canary} />}
      {(running || result) && <ThresholdVerdicts results={thresholds} final={!!result} />}
      <Charts />
      {result && <SummaryView result={result} />}
      {result && <BaselineView key={`${result.name} ${result.wallMs} ${result.seed}`} result={result} />}
    </section>
  );
}
