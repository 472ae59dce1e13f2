/**
 * A person's own agents: `.wasm` component files dropped on the canvas or chosen in a
 * file dialog. Size and file kind are checked here (no bytes cross to the worker for a
 * file that is obviously wrong); the world check and transpilation happen in the kernel
 * worker (`registerComponent`). Every refusal becomes one notice naming the file and
 * the problem; nothing else changes.
 */
import type { KindInfo } from '../../../hosts/types';
import { checkComponentBytes, DEFAULT_MAX_COMPONENT_BYTES } from '../../../wasm/compileComponent';
import { ComponentValidationError } from '../../../wasm/componentError';
import { APP_ERRORS, errorText } from '../../errors';
import type { ActionManager } from '../../actions/createActionManager';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';

/** The palette label of a file: `my-agent.wasm` → `my-agent`. */
export function labelForFile(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.wasm$/i, '')
    .trim();
  return base || 'custom agent';
}

export async function addAgentFile(store: WorkbenchStore, actions: ActionManager, file: File): Promise<KindInfo | null> {
  const { notify } = store.getState();
  try {
    if (!/\.wasm$/i.test(file.name)) {
      throw new ComponentValidationError({
        code: 'ORR103',
        summary: 'This file is not a WebAssembly component',
        expected: 'a .wasm WebAssembly component file',
        received: `"${file.name}" (${file.type || 'unknown type'})`,
      });
    }
    // Size first: an empty or huge file is refused before it is read into memory (the
    // check looks at the length alone when the size is wrong).
    if (file.size === 0 || file.size > DEFAULT_MAX_COMPONENT_BYTES) checkComponentBytes(sizeOnly(file.size));
    const bytes = new Uint8Array(await file.arrayBuffer());
    checkComponentBytes(bytes);
    const outcome = await actions.run('component.register', { label: labelForFile(file.name), bytes });
    if (!outcome.ok) throw new Error(outcome.error);
    const info = outcome.kind ?? null;
    if (info) store.getState().note(`Added ${info.label} to the palette (Your agents): click it or drag it onto the canvas to deploy it.`);
    return info;
  } catch (error) {
    notify('ORR406', APP_ERRORS.ORR406(file.name, cleanError(errorText(error))));
    return null;
  }
}

/** Stands in for bytes whose length alone is refused (the check reads no bytes then). */
function sizeOnly(size: number): Uint8Array {
  return { length: size } as unknown as Uint8Array;
}

/** Comlink prefixes nothing, but workers may wrap: keep the component error's own text. */
function cleanError(text: string): string {
  return text.replace(/^Error:\s*/, '');
}

export async function addAgentFiles(store: WorkbenchStore, actions: ActionManager, files: Iterable<File>): Promise<KindInfo[]> {
  const added: KindInfo[] = [];
  for (const file of files) {
    const info = await addAgentFile(store, actions, file);
    if (info) added.push(info);
  }
  return added;
}
