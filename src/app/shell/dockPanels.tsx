/**
 * The dock's panels, registered as one list (no import side effects): later panels
 * (Chaos, Load, Replay, Contracts, Metrics) plug in by adding an entry here or by passing
 * their own list to <Dock panels={...}>. Ids must be unique; `createDockPanels` says so.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { MessageLog } from '../panels/log/MessageLog';
import { SequenceDiagram } from '../panels/sequence/SequenceDiagram';
import { DeadLettersTabLabel } from '../panels/deadLetters/DeadLettersTabLabel';

export interface DockPanel {
  /** Also the `dock.show` action's tab id. */
  id: string;
  /** The tab's text and accessible name. */
  label: string;
  component: ComponentType | LazyExoticComponent<ComponentType>;
  /** Whether "Message details" may open beside this panel. */
  showsMessages?: boolean;
  /** Live tab text (e.g. a count); `label` stays the panel's stable name. */
  tabLabel?: ComponentType;
  /** A lab (Chaos, later Load and Replay): it may open in a window of its own. */
  lab?: boolean;
}

// Monaco is the heaviest dependency: it loads in its own chunk, after first paint.
const Composer = lazy(() => import('../panels/composer/Composer'));
const ChaosPanel = lazy(() => import('../panels/chaos/ChaosPanel'));
const LoadPanel = lazy(() => import('../panels/load/LoadPanel'));
const DeadLettersPanel = lazy(() => import('../panels/deadLetters/DeadLettersPanel'));
const ReplayPanel = lazy(() => import('../panels/replay/ReplayPanel'));
const ContractsPanel = lazy(() => import('../panels/contracts/ContractsPanel'));

export function createDockPanels(panels: readonly DockPanel[]): readonly DockPanel[] {
  const seen = new Set<string>();
  for (const panel of panels) {
    if (seen.has(panel.id)) throw new Error(`Dock panel "${panel.id}" is registered twice`);
    seen.add(panel.id);
  }
  return panels;
}

export const BUILTIN_DOCK_PANELS = createDockPanels([
  { id: 'log', label: 'Log', component: MessageLog, showsMessages: true },
  { id: 'sequence', label: 'Sequence', component: SequenceDiagram, showsMessages: true },
  { id: 'composer', label: 'Composer', component: Composer },
  { id: 'chaos', label: 'Chaos', component: ChaosPanel, lab: true },
  { id: 'load', label: 'Load', component: LoadPanel, lab: true },
  { id: 'dead-letters', label: 'Dead letters', component: DeadLettersPanel, tabLabel: DeadLettersTabLabel },
  { id: 'replay', label: 'Replay', component: ReplayPanel },
  { id: 'contracts', label: 'Contracts', component: ContractsPanel },
]);
