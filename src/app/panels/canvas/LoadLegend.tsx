import { useWorkbench } from '../../store/WorkbenchContext';
import { loadRunning } from './loadLabView';
import { LOAD_STEPS } from './loadScale';

/**
 * What the links' colours mean while a load run goes and the canvas has links to colour (a
 * simulated run of a file's own system draws nothing here; outside a run links look as usual).
 */
export function LoadLegend() {
  const running = useWorkbench(loadRunning);
  const hasLinks = useWorkbench((s) => Object.keys(s.links).length > 0);
  if (!running || !hasLinks) return null;
  return (
    <aside className="load-legend" aria-label="Link load legend">
      <h2 className="load-legend-title">Link load</h2>
      <ul>
        {LOAD_STEPS.map(({ step, label }) => (
          <li key={step} data-load-step={step}>
            <svg className="load-legend-swatch" viewBox="0 0 24 8" width="24" height="8" aria-hidden="true" focusable="false">
              <line x1="0" y1="4" x2="24" y2="4" />
            </svg>
            {label}
          </li>
        ))}
      </ul>
    </aside>
  );
}
