import { useEffect, type CSSProperties } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ActionsProvider } from './actions/ActionsContext';
import type { ActionManager } from './actions/createActionManager';
import { Canvas } from './components/Canvas';
import { Dock } from './components/Dock';
import { Inspector } from './components/Inspector';
import { Notices } from './components/Notices';
import { Palette } from './components/Palette';
import { TopBar } from './components/TopBar';
import { PanelSeparator } from './components/layout/PanelSeparator';
import { ShortcutsDialog } from './components/layout/ShortcutsDialog';
import './components/layout/layout.css';
import type { WorkbenchStore } from './store/createWorkbenchStore';
import { useWorkbench, WorkbenchProvider } from './store/WorkbenchContext';
import { useShortcuts } from './useShortcuts';
import type { WorkspaceSession } from './workspace/createWorkspaceSession';
import { ScenarioBar } from './workspace/PatternGallery';
import { RefusalAlert } from './workspace/RefusalAlert';
import { WorkspaceProvider } from './workspace/WorkspaceContext';
import './workspace/workspace.css';

function ThemeSync() {
  const theme = useWorkbench((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return null;
}

/**
 * Palette | canvas | inspector over the dock, each boundary a separator people can drag
 * or move with the keyboard. Sizes live in the store (`panels`).
 */
function Layout({ actions }: { actions: ActionManager }) {
  useShortcuts(actions);
  const panels = useWorkbench((s) => s.panels);
  const style = {
    '--palette-w': `${panels.palette}px`,
    '--inspector-w': `${panels.inspector}px`,
    '--dock-h': `${panels.dock}px`,
  } as CSSProperties;
  return (
    <div className="workbench workbench-resizable" style={style}>
      <ThemeSync />
      <TopBar />
      <Palette />
      <PanelSeparator panel="palette" />
      <main className="centre">
        <Canvas />
        <ScenarioBar />
      </main>
      <PanelSeparator panel="inspector" />
      <Inspector />
      <PanelSeparator panel="dock" />
      <Dock />
      <Notices />
      <RefusalAlert />
      <ShortcutsDialog />
    </div>
  );
}

/** The workbench shell: one store and one action registry per instance, given from outside. */
export function App({
  store,
  actions,
  workspace,
}: {
  store: WorkbenchStore;
  actions: ActionManager;
  /** Named workspaces, autosave and the pattern gallery; absent = none of that UI. */
  workspace?: WorkspaceSession;
}) {
  useEffect(() => store.connect(), [store]);
  return (
    <WorkbenchProvider store={store}>
      <WorkspaceProvider session={workspace}>
        <ActionsProvider actions={actions}>
          <ReactFlowProvider>
            <Layout actions={actions} />
          </ReactFlowProvider>
        </ActionsProvider>
      </WorkspaceProvider>
    </WorkbenchProvider>
  );
}
