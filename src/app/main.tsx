import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './shell/app.css';
import { connectLab } from '../browser/connectLab';
import { App } from './App';
import { createActionManager } from './actions/createActionManager';
import { createWorkbenchStore } from './store/createWorkbenchStore';
import { openWorkspaceRepository } from '../workspace/persistence/openWorkspaceRepository';
import { createModuleRecorder } from '../workspace/session/moduleRecorder';
import { createWorkspaceSession } from './session/createWorkspaceSession';

const prefersLight = window.matchMedia?.('(prefers-color-scheme: light)').matches ?? false;

const modules = createModuleRecorder();
const api = connectLab();
const store = createWorkbenchStore(modules.wrap(api), { theme: prefersLight ? 'light' : 'dark' });
const actions = createActionManager(store);
const workspace = createWorkspaceSession({ store, actions, modules, openRepository: () => openWorkspaceRepository() });
void workspace.start();

// `?debug` exposes the workbench to the console, and to the tests and perf scripts
// (e2e/perf) that drive bulk traffic through the real API. Off by default.
if (new URLSearchParams(location.search).has('debug')) {
  Object.assign(globalThis, { __orrery: { store, api, actions } });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} actions={actions} workspace={workspace} />
  </StrictMode>,
);

// Vite HMR replaces modules; the kernel worker must not leak across reloads.
import.meta.hot?.dispose(() => api.dispose());
window.addEventListener('pagehide', () => {
  void workspace.flush();
  api.dispose();
});
