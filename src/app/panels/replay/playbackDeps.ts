/** How a playback store is made: an ordinary workbench store over the playback, dressed like the live one. */
import { createActionManager } from '../../actions/createActionManager';
import { createWorkbenchStore, type WorkbenchStore } from '../../store/createWorkbenchStore';
import type { PlaybackDeps } from './playbackSession';
import type { ReplayServices } from './replayServices';

export function playbackDeps(live: WorkbenchStore, services: ReplayServices): PlaybackDeps {
  return {
    connect: () => services.connectPlayback(),
    workbench: (api) => services.playbackWorkbench(api),
    createStore(api) {
      const { theme, dockTab, panels, selectCanvas, setSelected, contracts } = live.getState();
      // The canvas remounts over the other store: a selection carried into a fresh React Flow
      // was reported back and forth (React Flow's and the store's) until React gave up.
      selectCanvas([], null);
      setSelected(null);
      const store = createWorkbenchStore(api, { theme });
      // The contracts in use check the recording too (its violations show as they do live).
      store.setState({ dockTab, panels, contracts });
      return store;
    },
    createActions: (store) => createActionManager(store),
  };
}
