import { describe, expect, it } from 'vitest';
import { compileComponent } from './compileComponent';
import { ComponentValidationError } from './componentError';
import { parseRootWorld } from './componentInterface';
import { buildOtherVersionComponent, buildTimerProbeComponent, buildWrongExportComponent } from './fixtures/buildFixtures';

async function refusal(bytes: Uint8Array): Promise<ComponentValidationError> {
  const e: unknown = await compileComponent(bytes).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ComponentValidationError);
  return e as ComponentValidationError;
}

describe('parseRootWorld', () => {
  it('reads interfaces, top-level functions and inline interfaces of the root world', () => {
    const wit = `package root:component;

world root {
  import workbench:agent/host@0.1.0;
  import wasi:cli/environment@0.2.3;
  import scratch: interface {
    poke: func(x: u32);
  }
  export init: func(shim: string, entry-path: option<string>) -> result<_, string>;
  export workbench:agent/guest@0.1.0;
}
`;
    expect(parseRootWorld(wit)).toEqual({
      imports: [
        { name: 'workbench:agent/host@0.1.0', kind: 'interface' },
        { name: 'wasi:cli/environment@0.2.3', kind: 'interface' },
        { name: 'scratch', kind: 'inline' },
      ],
      exports: [
        { name: 'init', kind: 'function' },
        { name: 'workbench:agent/guest@0.1.0', kind: 'interface' },
      ],
    });
  });

  it('finds nothing in text without a world', () => {
    expect(parseRootWorld('package a:b;')).toEqual({ imports: [], exports: [] });
  });
});

describe('the component-interface check reads the WIT of the component', () => {
  it('lists the host functions a component imports, set-timer included', async () => {
    expect((await compileComponent(await buildTimerProbeComponent())).hostFunctions).toEqual(['setTimer']);
  }, 30_000);

  it('names the expected world and what the component has', async () => {
    const e = await refusal(await buildWrongExportComponent());
    expect(e.expected).toMatch(/workbench:agent@0\.1\.0/);
    expect(e.expected).toMatch(/imports workbench:agent\/host@0\.1\.x \(send, kvGet, kvSet, nowMs, log, setTimer\)/);
    expect(e.expected).toMatch(/exports workbench:agent\/guest@0\.1\.x \(init, handle\)/);
    expect(e.received).toBe('exports acme:calc/math@1.0.0; imports nothing');
  }, 30_000);

  it('refuses the agent world at another version', async () => {
    const e = await refusal(await buildOtherVersionComponent());
    expect(e.code).toBe('ORR107');
    expect(e.message).toMatch(/another version of the agent world/);
    expect(e.received).toMatch(/not provided: workbench:agent\/host@0\.2\.0/);
  }, 30_000);
});
