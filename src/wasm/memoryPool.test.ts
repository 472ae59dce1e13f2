import { beforeAll, describe, expect, it } from 'vitest';
import { compileComponent, type CompiledComponent } from './compileComponent';
import { AgentTrap, createAgentKind, type HostBindings } from './createAgentKind';
import { buildProbeComponent } from './fixtures/buildFixtures';
import { createMemoryPool } from './memoryPool';
import { importMemory, POOLED_MEMORY_MODULE, readMemoryLimits } from './wasmBinary';

const host = (sent: string[] = []): HostBindings => ({
  send: (m) => sent.push(m),
  kvGet: () => undefined,
  kvSet: () => undefined,
  nowMs: () => 0,
  log: () => undefined,
});

describe('createMemoryPool', () => {
  it('hands a released memory, zeroed, to the next acquire with the same maximum', () => {
    const pool = createMemoryPool({ limit: 4 });
    const a = pool.acquire(1, undefined);
    new Uint8Array(a.buffer).fill(7, 0, 100);
    pool.release(a);
    const b = pool.acquire(2, undefined);
    expect(b).toBe(a);
    expect(b.buffer.byteLength).toBe(2 * 65536); // grown to the minimum asked
    expect(new Uint8Array(b.buffer).every((x) => x === 0)).toBe(true);
    expect(pool.acquire(1, 5)).not.toBe(a); // another maximum: another memory
    expect(pool.stats()).toMatchObject({ inUse: 2, free: 0, created: 2, reused: 1 });
  });

  it('keeps at most `limit` memories, dropping free ones of another maximum', () => {
    const pool = createMemoryPool({ limit: 2 });
    const a = pool.acquire(1, undefined);
    const b = pool.acquire(1, undefined);
    pool.release(a);
    pool.release(b);
    pool.acquire(1, 3);
    expect(pool.stats()).toMatchObject({ inUse: 1, free: 1, created: 3, dropped: 1 });
  });

  it('does not keep a capped memory that grew: the next one would have less headroom', () => {
    const pool = createMemoryPool({ limit: 4 });
    const a = pool.acquire(1, 8);
    a.grow(1);
    pool.release(a);
    const b = pool.acquire(1, 8);
    pool.release(b);
    expect(pool.acquire(1, 8)).toBe(b);
    expect(pool.stats()).toMatchObject({ dropped: 1, reused: 1 });
  });

  it('does not keep a memory grown past maxPooledPages', () => {
    const pool = createMemoryPool({ limit: 4, maxPooledPages: 2 });
    const a = pool.acquire(1, undefined);
    a.grow(4);
    pool.release(a);
    expect(pool.stats()).toMatchObject({ free: 0, dropped: 1 });
  });
});

describe('pooled instances (direct binding)', () => {
  let compiled: CompiledComponent;
  beforeAll(async () => {
    compiled = await compileComponent(await buildProbeComponent());
  }, 30_000);

  it('importMemory turns the defined memory into an import, keeping its limits', () => {
    const main = compiled.coreModules.find((m) => readMemoryLimits(m.bytes).length > 0)!;
    const rewritten = importMemory(main.bytes, 8)!;
    expect(rewritten).toMatchObject({ min: 1, max: 8 });
    expect(readMemoryLimits(rewritten.bytes)).toEqual([]);
    expect(WebAssembly.validate(rewritten.bytes as Uint8Array<ArrayBuffer>)).toBe(true);
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(rewritten.bytes as Uint8Array<ArrayBuffer>));
    expect(imports).toContainEqual({ module: POOLED_MEMORY_MODULE, name: 'memory', kind: 'memory' });
    expect(() => importMemory(main.bytes, 0)).toThrow(/expected at most 0 pages/);
  });

  it('reuses one memory across instances released in turn; each starts clean', async () => {
    const kind = await createAgentKind(compiled);
    expect(kind.binding).toBe('direct');
    const pool = createMemoryPool({ limit: 1 });
    for (let i = 0; i < 5; i++) {
      const sent: string[] = [];
      const agent = await kind.instantiate(host(sent), { pool });
      expect(agent.init('{}')).toEqual({ ok: true });
      expect(agent.handle(`hello ${i}`)).toEqual({ ok: true });
      expect(sent).toEqual([`hello ${i}`]);
      agent.release?.();
      expect(() => agent.handle('again')).toThrow(AgentTrap);
    }
    expect(pool.stats()).toMatchObject({ created: 1, reused: 4, inUse: 0, free: 1 });
  });

  it('applies the memory cap to a pooled memory, and gives a trapped instance its memory back', async () => {
    const kind = await createAgentKind(compiled);
    const pool = createMemoryPool({ limit: 4 });
    const capped = await kind.instantiate(host(), { pool, memoryPages: 8 });
    expect(() => capped.handle('g')).toThrow(AgentTrap); // a grow of 16 pages is refused
    capped.release?.();
    const free = await kind.instantiate(host(), { pool });
    expect(free.handle('g')).toEqual({ ok: true });
    expect(pool.stats()).toMatchObject({ inUse: 1, free: 1 });
  });
});
