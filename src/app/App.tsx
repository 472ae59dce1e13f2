import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ActionsProvider } from './actions/ActionsContext';
import type { ActionManager } from './actions/createActionManager';
import { Canvas } from './components/Canvas';
import { Dock } from './components/Dock';
import { Inspector } from './components/Inspector';
import { Notices } from './components/Notices';
import { Palette } from './components/Palette';
import { TopBar } from './components/TopBar';
import type { WorkbenchStore } from './store/createWorkbenchStore';
import { useWorkbench, WorkbenchProvider } from './store/WorkbenchContext';
import { useShortcuts } from './useShortcuts';

function ThemeSync() {
  const theme = useWorkbench((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return null;
}

function Layout({ actions }: { actions: ActionManager }) {
  useShortcuts(actions);
  return (
    <div className="workbench">
      <ThemeSync />
      <TopBar />
      <Palette />
      <main className="centre">
        <Canvas />
      </main>
      <Inspector />
      <Dock />
      <Notices />
    </div>
  );
}

/** The workbench shell: one store and one action registry per instance, given from outside. */
export function App({ store, actions }: { store: WorkbenchStore; actions: ActionManager }) {
  useEffect(() => store.connect(), [store]);
  return (
    <WorkbenchProvider store={store}>
      <ActionsProvider actions={actions}>
        <ReactFlowProvider>
          <Layout actions={actions} />
        </ReactFlowProvider>
      </ActionsProvider>
    </WorkbenchProvider>
  );
}
