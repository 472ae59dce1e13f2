import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation (SharedArrayBuffer, precise memory measurement) needs these two
 * headers on every response: the page, its module scripts, workers and .wasm files.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * `server.headers` / `preview.headers` do not reach every middleware (e.g. some static and
 * worker responses), so a first-in-chain middleware sets them unconditionally.
 */
function crossOriginIsolation(): Plugin {
  const setHeaders = (
    _req: unknown,
    res: { setHeader(name: string, value: string): void },
    next: () => void,
  ): void => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    next();
  };
  return {
    name: 'orrery:cross-origin-isolation',
    configureServer(server) {
      server.middlewares.use(setHeaders);
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeaders);
    },
  };
}

export default defineConfig({
  plugins: [react(), crossOriginIsolation()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: ISOLATION_HEADERS,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: ISOLATION_HEADERS,
  },
  worker: {
    // Module workers: the kernel, agent and Monaco workers all use `import`.
    format: 'es',
  },
  optimizeDeps: {
    // jco locates its own .wasm files with `new URL('./x.wasm', import.meta.url)`; pre-bundling
    // would move the JS away from the wasm and break that URL in dev.
    exclude: ['@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim'],
    // Monaco's deep ESM entry points are not discovered by the dependency scanner.
    include: [
      'monaco-editor/editor',
      'monaco-editor/languages/features/json/register',
      '@monaco-editor/react',
    ],
  },
  build: {
    target: 'es2022',
    // Monaco alone is ~3 MB minified; the warning is noise for a local tool.
    chunkSizeWarningLimit: 4096,
  },
});
