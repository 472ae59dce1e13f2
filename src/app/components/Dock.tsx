import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { useActions } from '../actions/ActionsContext';
import type { DockTab } from '../store/types';
import { useWorkbench } from '../store/WorkbenchContext';
import { MessageLog } from './MessageLog';

// Monaco is the heaviest dependency: it loads in its own chunk, after first paint.
const Composer = lazy(() => import('./Composer'));

const TABS: readonly { id: DockTab; label: string }[] = [
  { id: 'log', label: 'Log' },
  { id: 'composer', label: 'Composer' },
];

export function Dock() {
  const tab = useWorkbench((s) => s.dockTab);
  const actions = useActions();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const show = (id: DockTab) => void actions.run('dock.show', { tab: id });

  // WAI-ARIA tabs: arrow keys move between tabs.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    show(next.id);
    tabRefs.current[next.id]?.focus();
    e.preventDefault();
  };

  return (
    <section className="dock" aria-label="Dock">
      <div className="dock-tabs" role="tablist" aria-label="Dock panels" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`dock-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`dock-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="dock-tab"
            onClick={() => show(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="dock-panels">
        <div role="tabpanel" id="dock-panel-log" aria-labelledby="dock-tab-log" hidden={tab !== 'log'} className="dock-panel">
          <MessageLog />
        </div>
        <div
          role="tabpanel"
          id="dock-panel-composer"
          aria-labelledby="dock-tab-composer"
          hidden={tab !== 'composer'}
          className="dock-panel"
        >
          <Suspense fallback={<p className="muted pad">Loading editor…</p>}>
            <Composer />
          </Suspense>
        </div>
      </div>
    </section>
  );
}
