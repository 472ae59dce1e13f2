import { beforeAll, describe, expect, it } from 'vitest';
import { compileComponent, type CompiledComponent } from './compileComponent';
import { AgentTrap, createAgentKind as createKind, type BindingKind, type HostBindings } from './createAgentKind';
import { buildProbeComponent } from './fixtures/buildFixtures';
import { capMemory, readMemoryLimits } from './wasmBinary';

function recordingHost(kv = new Map<string, string>()) {
  const sent: string[] = [];
  const logs: Array<[string, string]> = [];
  const host: HostBindings = {
    send: (m) => sent.push(m),
    kvGet: (k) => kv.get(k),
    kvSet: (k, v) => kv.set(k, v),
    nowMs: () => 1234,
    log: (l, t) => logs.push([l, t]),
  };
  return { host, sent, logs, kv };
}

describe.each<BindingKind>(['direct', 'jco'])('createAgentKind with the %s binding', (binding) => {
  let compiled: CompiledComponent;
  const createAgentKind = (c: CompiledComponent) => createKind(c, undefined, { binding });
  beforeAll(async () => {
    compiled = await compileComponent(await buildProbeComponent());
  }, 30_000);

  it('instantiates, inits and handles through the host imports', async () => {
    const kind = await createAgentKind(compiled);
    expect(kind.binding).toBe(binding);
    const { host, sent, logs, kv } = recordingHost();
    const agent = await kind.instantiate(host);
    expect(agent.init('{"x":1}')).toEqual({ ok: true });
    expect(logs).toEqual([['info', '{"x":1}']]);
    expect(agent.handle('hello ✓')).toEqual({ ok: true });
    expect(agent.handle('kv-value')).toEqual({ ok: true });
    expect(kv.get('k')).toBe('kv-value');
    expect(sent).toEqual(['hello ✓', 'kv-value']);
  });

  it('turns a returned error into an outcome and keeps the instance usable', async () => {
    const kind = await createAgentKind(compiled);
    const { host, sent } = recordingHost();
    const agent = await kind.instantiate(host);
    expect(agent.handle('?not understood')).toEqual({ ok: false, error: '?not understood' });
    expect(agent.handle('after')).toEqual({ ok: true });
    expect(sent).toEqual(['after']);
  });

  it('reports a trap, refuses further calls, and a new instance works', async () => {
    const kind = await createAgentKind(compiled);
    const { host, sent } = recordingHost();
    const agent = await kind.instantiate(host);
    expect(() => agent.handle('!boom')).toThrow(AgentTrap);
    expect(agent.dead).toBe(true);
    expect(() => agent.handle('again')).toThrow(/cannot enter component instance/);
    const fresh = await kind.instantiate(host);
    expect(fresh.handle('again')).toEqual({ ok: true });
    expect(sent).toEqual(['again']);
  });

  it('catches errors thrown by host bindings', async () => {
    const kind = await createAgentKind(compiled);
    const errors: string[] = [];
    const agent = await kind.instantiate({
      ...recordingHost().host,
      send: () => {
        throw new Error('host broke');
      },
      onHostError: (fn, e) => errors.push(`${fn}: ${(e as Error).message}`),
    });
    expect(agent.handle('x')).toEqual({ ok: true });
    expect(errors).toEqual(['send: host broke']);
  });

  it('caps memory: a grow past the limit fails inside the guest', async () => {
    const kind = await createAgentKind(compiled);
    const free = await kind.instantiate(recordingHost().host);
    expect(free.handle('g')).toEqual({ ok: true });
    const capped = await kind.instantiate(recordingHost().host, { memoryPages: 8 });
    expect(() => capped.handle('g')).toThrow(AgentTrap);
  });

  it('refuses a cap below the initial memory with a clear error', async () => {
    const kind = await createAgentKind(compiled);
    const mainModule = compiled.coreModules.find((m) => readMemoryLimits(m.bytes).length > 0)!;
    expect(readMemoryLimits(mainModule.bytes)[0]!.min).toBe(1);
    expect(() => capMemory(mainModule.bytes, 0)).toThrow(/expected at most 0 pages/);
    await expect(kind.instantiate(recordingHost().host, { memoryPages: 0 })).rejects.toThrow(/ORR109/);
  });
});

describe('capMemory', () => {
  it('sets and lowers the maximum, keeping the module valid', async () => {
    const compiled = await compileComponent(await buildProbeComponent());
    const main = compiled.coreModules.find((m) => readMemoryLimits(m.bytes).length > 0)!;
    const capped = capMemory(main.bytes, 3);
    expect(readMemoryLimits(capped)).toEqual([{ min: 1, max: 3 }]);
    expect(WebAssembly.validate(capped as Uint8Array<ArrayBuffer>)).toBe(true);
    const again = capMemory(capped, 200);
    expect(readMemoryLimits(again)).toEqual([{ min: 1, max: 3 }]);
  }, 30_000);
});
