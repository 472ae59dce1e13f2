import { useEffect, useState, type CSSProperties } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ActionsProvider } from './actions/ActionsContext';
import type { ActionManager } from './actions/createActionManager';
import { Canvas } from './panels/canvas/Canvas';
import { Dock } from './shell/Dock';
import { Inspector } from './panels/inspector/Inspector';
import { Notices } from './shell/Notices';
import { Palette } from './panels/palette/Palette';
import { TopBar } from './shell/TopBar';
import { PanelSeparator } from './shell/PanelSeparator';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { LabLayout } from './shell/LabLayout';
import { SaveAlert } from './session/SaveAlert';
import './shell/layout.css';
import type { WorkbenchStore } from './store/createWorkbenchStore';
import { useWorkbench, WorkbenchProvider } from './store/WorkbenchContext';
import { useShortcuts } from './shell/useShortcuts';
import type { WorkspaceSession } from './session/createWorkspaceSession';
import { ScenarioBar } from './panels/patterns/PatternGallery';
import { RefusalAlert } from './panels/workspaces/RefusalAlert';
import { WorkspaceProvider } from './session/WorkspaceContext';
import './panels/workspaces/workspace.css';
import { PlaybackBar } from './panels/replay/PlaybackBar';
import { ReplayProvider, type ReplayContextValue } from './panels/replay/PlaybackContext';
import { createPlaybackSession } from './panels/replay/playbackSession';
import { defaultReplayServices } from './panels/replay/defaultReplayServices';
import { playbackDeps } from './panels/replay/playbackDeps';
import type { ReplayServices } from './panels/replay/replayServices';
import { useStore } from 'zustand';

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
  const maximised = useWorkbench((s) => s.dockMaximised);
  const style = {
    '--palette-w': `${panels.palette}px`,
    '--inspector-w': `${panels.inspector}px`,
    '--dock-h': `${panels.dock}px`,
  } as CSSProperties;
  return (
    <div className={`workbench workbench-resizable${maximised ? ' is-dock-maximised' : ''}`} style={style}>
      <ThemeSync />
      <TopBar />
      <Palette />
      <PanelSeparator panel="palette" />
      <main className="centre">
        <Canvas />
        <ScenarioBar />
        <PlaybackBar />
      </main>
      <PanelSeparator panel="inspector" />
      <Inspector />
      <PanelSeparator panel="dock" />
      <Dock />
      <Notices />
      <RefusalAlert />
      <SaveAlert />
      <ShortcutsDialog />
    </div>
  );
}

/** The playback session of this workbench (one per live store), disposed with it. */
function useReplaySession(store: WorkbenchStore, services: ReplayServices | undefined): ReplayContextValue {
  const [value] = useState(() => {
    const resolved = services ?? defaultReplayServices();
    return { live: store, services: resolved, session: createPlaybackSession(playbackDeps(store, resolved)) };
  });
  useEffect(() => () => void value.session.close(), [value]);
  return value;
}

/**
 * The workbench shell: one store and one action registry per instance, given from outside.
 * While a recording is open, the workbench shows its playback store and actions instead
 * (everything under it remounts: nothing of the live view leaks into the past one).
 */
export function App({
  store,
  actions,
  workspace,
  lab,
  replay,
}: {
  store: WorkbenchStore;
  actions: ActionManager;
  /** Named workspaces, autosave and the pattern gallery; absent = none of that UI. */
  workspace?: WorkspaceSession;
  /** Show only this lab's dock panel, full page (a lab window). */
  lab?: string;
  /** Recording library, files and playback workers (default: the browser's). */
  replay?: ReplayServices;
}) {
  useEffect(() => store.connect(), [store]);
  const replayValue = useReplaySession(store, replay);
  const shown = useStore(replayValue.session, (s) => s.shown);
  return (
    <ReplayProvider value={replayValue}>
      <WorkbenchProvider store={shown?.store ?? store}>
        <WorkspaceProvider session={workspace}>
          <ActionsProvider actions={shown?.actions ?? actions}>
            <ReactFlowProvider key={shown ? 'playback' : 'live'}>
              {lab ? (
                <LabLayout lab={lab}>
                  <ThemeSync />
                </LabLayout>
              ) : (
                <Layout actions={actions} />
              )}
            </ReactFlowProvider>
          </ActionsProvider>
        </WorkspaceProvider>
      </WorkbenchProvider>
    </ReplayProvider>
  );
}
