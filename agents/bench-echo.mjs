// Handle calls/s of the echo agent: through jco's generated glue vs the core module
// called directly with a hand-written canonical-ABI host. Also reports memory growth.
// Usage: node agents/bench-echo.mjs [calls]   (after `npm run build:agents`)
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdir, writeFile } from 'node:fs/promises';
import { transpileBytes } from '@bytecodealliance/jco-transpile';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const N = Number(process.argv[2] ?? 300_000);
const MSG = JSON.stringify({
  performative: 'request',
  sender: 'bench',
  receiver: 'echo',
  id: 'm1',
  sent_at: 0,
  content: { n: 1, text: 'hello' },
  reply_with: 'r1',
  conversation_id: 'c1',
});
let replies = 0;

function time(label, call, memoryBytes) {
  for (let i = 0; i < 20_000; i++) call();
  const m0 = memoryBytes();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) call();
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${label.padEnd(8)} ${Math.round(N / s)
      .toString()
      .padStart(8)} calls/s   wasm memory ${m0} -> ${memoryBytes()} bytes`,
  );
  return N / s;
}

async function viaGlue() {
  const { files } = await transpileBytes(await readFile(join(ROOT, 'public/agents/echo.wasm')), { name: 'echo', instantiation: 'async' });
  const dir = join(ROOT, 'agents/build/bench-echo');
  await mkdir(dir, { recursive: true });
  for (const [n, b] of Object.entries(files)) if (!n.includes('/')) await writeFile(join(dir, n), b);
  const glue = await import(pathToFileURL(join(dir, 'echo.js')).href);
  let memory;
  const { guest } = await glue.instantiate(
    async (p) => WebAssembly.compile(await readFile(join(dir, p))),
    { 'workbench:agent/host': { send: () => replies++, kvGet: () => undefined, kvSet() {}, nowMs: () => 0n, log() {} } },
    async (module, imports) => {
      const instance = await WebAssembly.instantiate(module, imports);
      memory ??= instance.exports.memory;
      return instance;
    },
  );
  guest.init('{}');
  return time(
    'glue',
    () => guest.handle(MSG),
    () => memory.buffer.byteLength,
  );
}

async function direct() {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let ex;
  const str = (p, l) => dec.decode(new Uint8Array(ex.memory.buffer, p, l));
  const host = {
    send: (p, l) => {
      str(p, l);
      replies++;
    },
    'kv-get': (p, l, ret) => new DataView(ex.memory.buffer).setUint8(ret, 0),
    'kv-set': () => {},
    'now-ms': () => 0n,
    log: () => {},
  };
  const { instance } = await WebAssembly.instantiate(await readFile(join(ROOT, 'public/agents/core/echo.core.wasm')), {
    'workbench:agent/host@0.1.0': host,
  });
  ex = instance.exports;
  const G = 'workbench:agent/guest@0.1.0';
  const handle = ex[`${G}#handle`];
  const post = ex[`cabi_post_${G}#handle`];
  const call = (fn, postFn, s) => {
    const bytes = enc.encode(s);
    const ptr = ex.cabi_realloc(0, 0, 1, bytes.length);
    new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
    const ret = fn(ptr, bytes.length);
    const failed = new DataView(ex.memory.buffer).getUint8(ret) === 1;
    postFn(ret);
    if (failed) throw new Error('err result');
  };
  call(ex[`${G}#init`], ex[`cabi_post_${G}#init`], '{}');
  return time(
    'direct',
    () => call(handle, post, MSG),
    () => ex.memory.buffer.byteLength,
  );
}

const g = await viaGlue();
const d = await direct();
console.log(`glue / direct = ${(g / d).toFixed(2)}  (${replies} replies)`);
