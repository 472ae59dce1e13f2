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
import { labFromUrl } from './shell/labWindow';
import { initialTheme, saveTheme } from './shell/themeStorage';

const modules = createModuleRecorder();
const api = connectLab();
const store = createWorkbenchStore(modules.wrap(api), { theme: initialTheme() });
store.subscribe((s, prev) => {
  if (s.theme !== prev.theme) saveTheme(s.theme);
});
const actions = createActionManager(store);
// `?lab=chaos`: the lab alone, full page (opened in its own window from the dock).
const lab = labFromUrl(location.search);
const workspace = createWorkspaceSession({
  store,
  actions,
  modules,
  openRepository: () => openWorkspaceRepository(),
  readOnly: lab !== null,
});
if (lab) store.getState().setDockTab(lab);
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
    <App store={store} actions={actions} workspace={workspace} {...(lab ? { lab } : {})} />
  </StrictMode>,
);

// Vite HMR replaces modules; the kernel worker must not leak across reloads.
import.meta.hot?.dispose(() => api.dispose());
// The last edit is captured from the UI's copy and its write started synchronously, so the
// workers can go right after (nothing here waits on them).
window.addEventListener('pagehide', () => {
  void workspace.flushBeforeHide();
  api.dispose();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void workspace.flushBeforeHide();
});
