import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { connectWorkbench } from '../hosts/browser/connectWorkbench';
import { App } from './App';
import { createActionManager } from './actions/createActionManager';
import { createWorkbenchStore } from './store/createWorkbenchStore';

const prefersLight = window.matchMedia?.('(prefers-color-scheme: light)').matches ?? false;

const api = connectWorkbench();
const store = createWorkbenchStore(api, { theme: prefersLight ? 'light' : 'dark' });
const actions = createActionManager(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} actions={actions} />
  </StrictMode>,
);

// Vite HMR replaces modules; the kernel worker must not leak across reloads.
import.meta.hot?.dispose(() => api.dispose());
window.addEventListener('pagehide', () => api.dispose());
