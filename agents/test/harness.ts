// Loads built agent components in Node through jco's transpiled glue, with a recording
// host, for the agents' own tests.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { transpileBytes } from '@bytecodealliance/jco-transpile';

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const OUT_DIR = join(ROOT, 'public/agents');
const TRANSPILED = join(ROOT, 'agents/build/transpiled');

// QuickJS sync builds use extended-const, behind a flag on Node 20.
v8.setFlagsFromString('--experimental-wasm-extended-const');

/** Runs the (incremental) agent build; a failure names the command to run by hand. */
export function buildAgents(): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'agents/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`agent build failed (run \`npm run build:agents\`):\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

export interface Host {
  send(message: string): void;
  kvGet(key: string): string | undefined;
  kvSet(key: string, value: string): void;
  nowMs(): bigint;
  log(level: string, text: string): void;
  setTimer(delayMs: number, tag: string): void;
}

export interface Guest {
  init(config: string): void;
  handle(message: string): void;
}

interface Transpiled {
  instantiate(getCoreModule: (path: string) => Promise<WebAssembly.Module>, imports: Record<string, unknown>): Promise<{ guest: Guest }>;
}

const modules = new Map<string, Promise<{ glue: Transpiled; cores: Map<string, WebAssembly.Module> }>>();

async function transpile(kind: string) {
  const bytes = await readFile(join(OUT_DIR, `${kind}.wasm`));
  // noComponentErrorWrapping: false -> an err result throws ComponentError { payload }.
  const { files } = await transpileBytes(bytes, { name: kind, instantiation: 'async', noComponentErrorWrapping: false });
  const dir = join(TRANSPILED, kind);
  await mkdir(dir, { recursive: true });
  const cores = new Map<string, WebAssembly.Module>();
  for (const [name, data] of Object.entries(files)) {
    if (name.includes('/') || name.endsWith('.d.ts')) continue;
    await writeFile(join(dir, name), data);
    if (name.endsWith('.wasm')) cores.set(name, await WebAssembly.compile(new Uint8Array(data)));
  }
  const glue = (await import(pathToFileURL(join(dir, `${kind}.js`)).href)) as Transpiled;
  return { glue, cores };
}

/** The directory holding `kind`'s transpiled glue and core modules. */
export async function transpiledDir(kind: string): Promise<string> {
  await loaded(kind);
  return join(TRANSPILED, kind);
}

/** Transpiles `kinds` now (a few seconds on a loaded machine), so tests time only the agents. */
export async function preload(kinds: string[]): Promise<void> {
  await Promise.all(kinds.map((kind) => loaded(kind)));
}

function loaded(kind: string) {
  let entry = modules.get(kind);
  if (!entry) {
    entry = transpile(kind);
    modules.set(kind, entry);
  }
  return entry;
}

/** A recording host: sent drafts (parsed), a kv map, logs, timers asked for (taken by `takeTimers`). */
export class FakeHost {
  sent: Record<string, unknown>[] = [];
  raw: string[] = [];
  kv = new Map<string, string>();
  logs: [string, string][] = [];
  timers: { delayMs: number; tag: string }[] = [];
  now = 0n;
  imports(): Host {
    return {
      send: (m) => {
        this.raw.push(m);
        this.sent.push(JSON.parse(m) as Record<string, unknown>);
      },
      kvGet: (k) => this.kv.get(k),
      kvSet: (k, v) => void this.kv.set(k, v),
      nowMs: () => this.now,
      log: (level, text) => void this.logs.push([level, text]),
      setTimer: (delayMs, tag) => void this.timers.push({ delayMs, tag }),
    };
  }
  takeTimers(): { delayMs: number; tag: string }[] {
    const out = this.timers;
    this.timers = [];
    return out;
  }
  take(): Record<string, unknown>[] {
    const out = this.sent;
    this.sent = [];
    this.raw = [];
    return out;
  }
}

export interface Agent {
  guest: Guest;
  host: FakeHost;
  /** Delivers an envelope (sender, id and sent_at filled in) and returns what it sent. */
  deliver(msg: Record<string, unknown>): Record<string, unknown>[];
}

/** Instantiates `kind`; calls init with `config` unless it is null. */
export async function loadAgent(kind: string, config: string | null = '{}', host = new FakeHost()): Promise<Agent> {
  const { glue, cores } = await loaded(kind);
  const { guest } = await glue.instantiate(async (p) => cores.get(p)!, { 'workbench:agent/host': host.imports() });
  if (config !== null) guest.init(config);
  let n = 0;
  return {
    guest,
    host,
    deliver(msg) {
      guest.handle(JSON.stringify({ sender: 'tester', receiver: kind, id: `m${++n}`, sent_at: 0, ...msg }));
      return host.take();
    },
  };
}
