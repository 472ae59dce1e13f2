/**
 * Reusable measurements for `npm run bench` (Node flavour). Each returns plain numbers;
 * ratios are meant to be taken between figures measured in the same run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileComponent } from '../../wasm/compileComponent';
import { createAgentKind } from '../../wasm/createAgentKind';
import { createNodeWorkbench, type NodeWorkbench } from './createNodeWorkbench';
import { DEFAULT_AGENTS_DIR } from './nodeAgentAssets';

export interface Rate {
  count: number;
  ms: number;
  perSecond: number;
}

function rate(count: number, ms: number): Rate {
  return { count, ms, perSecond: Math.round((count * 1000) / ms) };
}

/** Raw postMessage ping-pong with a worker_thread: the transport's ceiling. */
export async function measureRawPingPong(durationMs = 1000): Promise<Rate> {
  const worker = new Worker(
    `require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m));`,
    {
      eval: true,
    },
  );
  try {
    const payload = { id: 0, body: '{"performative":"request","receiver":"echo","content":{"n":1}}' };
    const roundTrip = () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.postMessage(payload);
      });
    for (let i = 0; i < 200; i++) await roundTrip();
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < durationMs) {
      await roundTrip();
      n++;
    }
    return rate(n, performance.now() - start);
  } finally {
    await worker.terminate();
  }
}

/**
 * Sequential request → reply round trips through kernel, runtime, worker pool and an
 * AssemblyScript echo agent in a worker_thread. Pass `concurrency` > 1 for pipelined load.
 */
export async function measureRuntimeRoundTrips(
  options: { durationMs?: number; concurrency?: number; workbench?: NodeWorkbench } = {},
): Promise<Rate> {
  const durationMs = options.durationMs ?? 1000;
  const concurrency = options.concurrency ?? 1;
  const wb = options.workbench ?? (await createNodeWorkbench({ kinds: ['echo'], workers: 1 }));
  try {
    await wb.command({ type: 'agent.deploy', spec: { name: 'bench-echo', kind: 'echo' } });
    const one = () => wb.request({ performative: 'request', receiver: 'bench-echo', content: { n: 1 } }, 5000);
    for (let i = 0; i < 200; i++) await one();
    let n = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() - start < durationMs) {
          const reply = await one();
          if (reply.performative !== 'inform') throw new Error(`echo answered ${reply.performative}`);
          n++;
        }
      }),
    );
    return rate(n, performance.now() - start);
  } finally {
    await wb.command({ type: 'node.remove', name: 'bench-echo' }).catch(() => undefined);
    if (!options.workbench) await wb.dispose();
  }
}

export interface DispatchFigures {
  /** handle() through our binding (AgentInstance, direct canonical-ABI binding). */
  binding: Rate;
  /** handle() through jco's generated glue (the fallback binding) and AgentInstance. */
  glue: Rate;
  /** The echo core module called directly through the canonical ABI, no wrapper. */
  direct: Rate;
  /** binding / direct (DESIGN target ≥ 0.5). */
  ratio: number;
  /** glue / direct. */
  glueRatio: number;
}

const MESSAGE = JSON.stringify({
  id: 'm1',
  performative: 'request',
  sender: 'you',
  receiver: 'echo',
  content: { text: 'hello', n: 42 },
  reply_with: 'r1',
  sent_at: 0,
});

/** Agent dispatch calls/s in this thread: jco glue vs the echo core module called directly. */
export async function measureDispatch(options: { durationMs?: number; agentsDir?: string } = {}): Promise<DispatchFigures> {
  const durationMs = options.durationMs ?? 1000;
  const dir = options.agentsDir ?? DEFAULT_AGENTS_DIR;
  let sink = 0;

  const compiled = await compileComponent(await readFile(join(dir, 'echo.wasm')));
  const through = async (binding: 'direct' | 'jco') => {
    const kind = await createAgentKind(compiled, undefined, { binding });
    const agent = await kind.instantiate({
      send: (m) => (sink += m.length),
      kvGet: () => undefined,
      kvSet: () => undefined,
      nowMs: () => 0,
      log: () => undefined,
    });
    agent.init('{}');
    return loop(durationMs, () => {
      if (!agent.handle(MESSAGE).ok) throw new Error('echo refused the message');
    });
  };
  const binding = await through('direct');
  const glue = await through('jco');

  const module = await WebAssembly.compile(await readFile(join(dir, 'core', 'echo.core.wasm')));
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const live: { memory?: WebAssembly.Memory } = {};
  const text = (ptr: number, len: number) => decoder.decode(new Uint8Array(live.memory!.buffer, ptr, len));
  const imports: WebAssembly.Imports = {
    'workbench:agent/host@0.1.0': {
      send: (ptr: number, len: number) => (sink += text(ptr, len).length),
      log: () => undefined,
      'kv-get': (_p: number, _l: number, ret: number) => (new Uint8Array(live.memory!.buffer)[ret] = 0),
      'kv-set': () => undefined,
      'now-ms': () => 0n,
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  const ex = instance.exports as Record<string, unknown>;
  live.memory = ex['memory'] as WebAssembly.Memory;
  const realloc = ex['cabi_realloc'] as (a: number, b: number, c: number, d: number) => number;
  const handle = ex['workbench:agent/guest@0.1.0#handle'] as (p: number, l: number) => number;
  const post = ex['cabi_post_workbench:agent/guest@0.1.0#handle'] as (p: number) => void;
  const init = ex['workbench:agent/guest@0.1.0#init'] as (p: number, l: number) => number;
  const call = (fn: (p: number, l: number) => number, s: string, postReturn?: (p: number) => void): void => {
    const bytes = encoder.encode(s);
    const ptr = realloc(0, 0, 1, bytes.length);
    new Uint8Array(live.memory!.buffer, ptr, bytes.length).set(bytes);
    const ret = fn(ptr, bytes.length);
    if (new Uint8Array(live.memory!.buffer)[ret] !== 0) throw new Error('echo core returned an error');
    postReturn?.(ret);
  };
  call(init, '{}');
  const direct = loop(durationMs, () => call(handle, MESSAGE, post));
  if (sink === 0) throw new Error('echo never sent');
  const ratio = (a: Rate) => Math.round((a.perSecond / direct.perSecond) * 100) / 100;
  return { binding, glue, direct, ratio: ratio(binding), glueRatio: ratio(glue) };
}

function loop(durationMs: number, fn: () => void): Rate {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < durationMs) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = performance.now();
  }
  return rate(n, now - start);
}
