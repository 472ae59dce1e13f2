import { Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useActions } from '../actions/ActionsContext';
import { useWorkbench } from '../store/WorkbenchContext';
import { BUILTIN_DOCK_PANELS, type DockPanel } from './dockPanels';
import { DockControls } from './DockControls';
import { PanelActiveContext } from './usePanelActive';
import { MessageDetails } from '../panels/log/MessageDetails';
import './messaging.css';

/**
 * The dock: one tab per registered panel; hidden panels stay mounted (they keep their state).
 * `alone`: a lab window shows that one panel, with no window controls.
 */
export function Dock({ panels: all = BUILTIN_DOCK_PANELS, alone }: { panels?: readonly DockPanel[]; alone?: string }) {
  const panels = alone ? all.filter((p) => p.id === alone) : all;
  const current = useWorkbench((s) => s.dockTab);
  const actions = useActions();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const tab = panels.some((p) => p.id === current) ? current : (panels[0]?.id ?? '');
  const showsMessages = panels.find((p) => p.id === tab)?.showsMessages ?? false;
  // A panel mounts when first shown and then stays mounted (hidden), keeping its state.
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  const show = (id: string) => void actions.run('dock.show', { tab: id });

  // WAI-ARIA tabs: arrow keys move between tabs.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const index = panels.findIndex((t) => t.id === tab);
    const next = panels[(index + (e.key === 'ArrowRight' ? 1 : panels.length - 1)) % panels.length];
    if (!next) return;
    show(next.id);
    tabRefs.current[next.id]?.focus();
    e.preventDefault();
  };

  return (
    <section className="dock" aria-label="Dock">
      <div className="dock-head">
        <div className="dock-tabs" role="tablist" aria-label="Dock panels" onKeyDown={onKeyDown}>
          {panels.map((t) => (
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
              {t.tabLabel ? <t.tabLabel /> : t.label}
            </button>
          ))}
        </div>
        {!alone && <DockControls panel={panels.find((p) => p.id === tab)} />}
      </div>
      <div className={`dock-panels${showsMessages ? ' with-details' : ''}`}>
        {panels.map(({ id, component: Panel }) => (
          <div
            key={id}
            role="tabpanel"
            id={`dock-panel-${id}`}
            aria-labelledby={`dock-tab-${id}`}
            hidden={tab !== id}
            className="dock-panel"
          >
            {visited.has(id) && (
              <PanelActiveContext.Provider value={tab === id}>
                <Suspense fallback={<p className="muted pad">Loading…</p>}>
                  <Panel />
                </Suspense>
              </PanelActiveContext.Provider>
            )}
          </div>
        ))}
        {showsMessages && <MessageDetails />}
      </div>
    </section>
  );
}
