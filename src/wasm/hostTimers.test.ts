import { beforeAll, describe, expect, it } from 'vitest';
import { compileComponent, type CompiledComponent } from './compileComponent';
import { createAgentKind, type BindingKind } from './createAgentKind';
import type { HostBindings } from './hostBindings';
import { buildTimerProbeComponent, readPreTimerProbeComponent } from './fixtures/buildFixtures';

function host(extra: Partial<HostBindings> = {}): HostBindings {
  return { send: () => {}, kvGet: () => undefined, kvSet: () => {}, nowMs: () => 0, log: () => {}, ...extra };
}

describe.each<BindingKind>(['direct', 'jco'])('set-timer through the %s binding', (binding) => {
  let timerProbe: CompiledComponent;
  let preTimer: CompiledComponent;
  beforeAll(async () => {
    timerProbe = await compileComponent(await buildTimerProbeComponent());
    preTimer = await compileComponent(await readPreTimerProbeComponent());
  }, 30_000);

  it('forwards the guest call to the host with its delay and tag', async () => {
    const kind = await createAgentKind(timerProbe, undefined, { binding });
    expect(kind.binding).toBe(binding);
    const timers: Array<[number, string]> = [];
    const agent = await kind.instantiate(host({ setTimer: (delayMs, tag) => timers.push([delayMs, tag]) }));
    expect(agent.init('{}')).toEqual({ ok: true });
    expect(agent.handle('round-1@7 ✓')).toEqual({ ok: true });
    expect(timers).toEqual([[250, 'round-1@7 ✓']]);
  });

  it('reports a host without timers as a host error and keeps the instance usable', async () => {
    const kind = await createAgentKind(timerProbe, undefined, { binding });
    const errors: string[] = [];
    const agent = await kind.instantiate(host({ onHostError: (fn, e) => errors.push(`${fn}: ${(e as Error).message}`) }));
    expect(agent.handle('a')).toEqual({ ok: true });
    expect(agent.handle('b')).toEqual({ ok: true });
    expect(errors).toEqual([
      'set-timer: this host does not offer timers (set-timer)',
      'set-timer: this host does not offer timers (set-timer)',
    ]);
  });

  it('still loads a component built before set-timer existed', async () => {
    expect(preTimer.hostFunctions).not.toContain('setTimer');
    const kind = await createAgentKind(preTimer, undefined, { binding });
    const sent: string[] = [];
    const agent = await kind.instantiate(host({ send: (m) => sent.push(m) }));
    expect(agent.init('{}')).toEqual({ ok: true });
    expect(agent.handle('hello')).toEqual({ ok: true });
    expect(sent).toEqual(['hello']);
  });
});
