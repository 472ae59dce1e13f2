/**
 * Load jco's generated glue (an ES module with no imports of its own) from source text:
 * a Blob URL in browsers, a data: URL in Node (which cannot import blob: URLs).
 */
export type InstantiateGlue = (
  getCoreModule: (name: string) => WebAssembly.Module | Promise<WebAssembly.Module>,
  imports: Record<string, Record<string, unknown>>,
  instantiateCore?: (module: WebAssembly.Module, imports: WebAssembly.Imports) => Promise<WebAssembly.Instance>,
) => Promise<Record<string, unknown>>;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export async function loadGlue(js: string): Promise<InstantiateGlue> {
  let url: string;
  let revoke = false;
  if (isNode) {
    url = `data:text/javascript;base64,${base64(js)}`;
  } else {
    url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
    revoke = true;
  }
  try {
    const mod = (await import(/* @vite-ignore */ url)) as { instantiate?: unknown };
    if (typeof mod.instantiate !== 'function') {
      throw new Error('jco glue has no `instantiate` export (was it generated with async instantiation?)');
    }
    return mod.instantiate as InstantiateGlue;
  } finally {
    if (revoke) URL.revokeObjectURL(url);
  }
}

function base64(text: string): string {
  if (isNode) return Buffer.from(text, 'utf8').toString('base64');
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
