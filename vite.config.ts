import { createHash } from 'node:crypto';
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
 * Content-Security-Policy: only what the app needs, nothing from other hosts (docs/hosting.md).
 * - scripts: the site's own modules; `blob:` because agent workers import the JS glue jco
 *   generates for each component from a Blob URL (src/wasm/loadGlue.ts);
 *   'wasm-unsafe-eval' to compile WebAssembly (agents, jco's own wasm).
 * - workers: the kernel, agent, compiler and Monaco workers are files of the site.
 * - styles: 'unsafe-inline' because Monaco (and Vite's dev CSS) add <style> elements at run
 *   time; style cannot run script, so this is the one relaxation in the built site.
 * - images: the favicon is a data: URL.
 * Dev only: the React Fast Refresh preamble is one inline script, allowed by its hash (not
 * 'unsafe-inline'), and Vite's HMR client opens a websocket to the dev server.
 * `frame-ancestors` works only as a header, so the <meta> copy leaves it out.
 */
function contentSecurityPolicy(mode: 'dev' | 'build', delivery: 'header' | 'meta'): string {
  const dev = mode === 'dev';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      "'wasm-unsafe-eval'",
      'blob:',
      ...(dev ? [inlineScriptHash(react.preambleCode.replace('__BASE__', '/'))] : []),
    ],
    'worker-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(dev ? ['ws://127.0.0.1:*', 'ws://localhost:*'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    ...(delivery === 'header' ? { 'frame-ancestors': ["'none'"] } : {}),
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

function inlineScriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

function securityHeaders(mode: 'dev' | 'build'): Record<string, string> {
  return {
    ...ISOLATION_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(mode, 'header'),
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * `server.headers` / `preview.headers` do not reach every middleware (e.g. some static and
 * worker responses), so a first-in-chain middleware sets them unconditionally. Every
 * response needs them: a worker takes its CSP from its own script's response.
 */
function responseHeaders(): Plugin {
  const setHeaders =
    (headers: Record<string, string>) =>
    (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void): void => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      next();
    };
  return {
    name: 'orrery:response-headers',
    configureServer(server) {
      server.middlewares.use(setHeaders(securityHeaders('dev')));
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeaders(securityHeaders('build')));
    },
  };
}

/**
 * The built page carries its policy too, for static hosts that cannot set headers. It goes
 * right after the charset, before any script or stylesheet it must govern.
 */
function metaContentSecurityPolicy(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('build', 'meta')}" />`;
  return {
    name: 'orrery:meta-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      /<meta charset[^>]*>/i.test(html)
        ? html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${meta}`)
        : html.replace(/<head>/i, `<head>\n    ${meta}`),
  };
}

export default defineConfig({
  plugins: [react(), responseHeaders(), metaContentSecurityPolicy()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: securityHeaders('dev'),
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: securityHeaders('build'),
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
    include: ['monaco-editor/editor', 'monaco-editor/languages/features/json/register', '@monaco-editor/react'],
  },
  build: {
    target: 'es2022',
    // Monaco alone is ~3 MB minified; the warning is noise for a local tool.
    chunkSizeWarningLimit: 4096,
  },
});
