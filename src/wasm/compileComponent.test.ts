import { beforeAll, describe, expect, it } from 'vitest';
import { compileComponent, checkComponentBytes } from './compileComponent';
import { ComponentValidationError } from './componentError';
import {
  buildExtraHostFunctionComponent,
  buildForeignImportComponent,
  buildMissingHandleComponent,
  buildProbeComponent,
  buildProbeCoreModule,
  buildWrongExportComponent,
} from './fixtures/buildFixtures';

async function refusal(bytes: Uint8Array, maxBytes?: number): Promise<ComponentValidationError> {
  try {
    await compileComponent(bytes, maxBytes === undefined ? {} : { maxBytes });
  } catch (e) {
    expect(e).toBeInstanceOf(ComponentValidationError);
    return e as ComponentValidationError;
  }
  throw new Error('expected the component to be refused');
}

describe('compileComponent', () => {
  let probe: Uint8Array;
  beforeAll(async () => {
    probe = await buildProbeComponent();
  }, 30_000);

  it('accepts a component of the agent world and hashes it', async () => {
    const compiled = await compileComponent(probe);
    expect(compiled.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(compiled.bytes).toBe(probe.length);
    expect(compiled.js).toContain('export function instantiate');
    expect(compiled.coreModules.length).toBeGreaterThan(0);
    expect(compiled.hostFunctions.sort()).toEqual(['kvGet', 'kvSet', 'log', 'nowMs', 'send']);
  });

  it('refuses an empty file', async () => {
    const e = await refusal(new Uint8Array());
    expect(e.code).toBe('ORR101');
    expect(e.message).toMatch(/expected a WebAssembly component, received 0 bytes/);
  });

  it('refuses something that is not wasm', async () => {
    const e = await refusal(new TextEncoder().encode('{"hello": "world"}'));
    expect(e.code).toBe('ORR103');
    expect(e.message).toMatch(/00 61 73 6d/);
    expect(e.received).toMatch(/7b 22 68 65/);
    // The code leads the message and the hint comes from the registry (docs/errors.md).
    expect(e.message).toMatch(
      /^\[ORR103\] This file is not WebAssembly: .*\. Drop a \.wasm component built for the workbench:agent world\.$/,
    );
  });

  it('refuses a core module, saying how to make a component of it', async () => {
    const e = await refusal(await buildProbeCoreModule());
    expect(e.code).toBe('ORR104');
    expect(e.message).toMatch(/core WebAssembly module, not a component/);
    expect(e.hint).toMatch(/componentNew/);
  });

  it('refuses an oversize file before parsing it', async () => {
    const e = await refusal(probe, 1024);
    expect(e.code).toBe('ORR102');
    expect(e.message).toMatch(/expected at most 1\.0 KiB, received 3\.\d KiB/);
  });

  it('refuses a corrupt component', async () => {
    const corrupt = probe.slice(0, Math.floor(probe.length / 2));
    const e = await refusal(corrupt);
    expect(e.code).toBe('ORR106');
  });

  it('refuses a component whose bytes after the header are garbage', async () => {
    const garbage = new Uint8Array(64).fill(0xff);
    garbage.set([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
    expect((await refusal(garbage)).code).toBe('ORR106');
  });

  it('refuses a component missing handle', async () => {
    const e = await refusal(await buildMissingHandleComponent());
    expect(e.code).toBe('ORR108');
    expect(e.message).toMatch(/expected functions init, handle, received functions init/);
  });

  it('refuses a component exporting another interface', async () => {
    const e = await refusal(await buildWrongExportComponent());
    expect(e.code).toBe('ORR108');
    expect(e.message).toMatch(/received exports .*acme:calc\/math/);
  });

  it('refuses a component importing interfaces the host does not provide', async () => {
    const e = await refusal(await buildForeignImportComponent());
    expect(e.code).toBe('ORR107');
    expect(e.message).toMatch(/workbench:agent\/sockets/);
  });

  it('refuses a component importing unknown host functions', async () => {
    const e = await refusal(await buildExtraHostFunctionComponent());
    expect(e.code).toBe('ORR107');
    expect(e.message).toMatch(/received exec/);
  });

  it('checks bytes synchronously without loading jco', () => {
    expect(() => checkComponentBytes(new Uint8Array([1, 2, 3]))).toThrow(/not WebAssembly/);
  });
});
