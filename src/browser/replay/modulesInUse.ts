/**
 * The agent kinds a tape deployed, as a recording names them: builtins by kind and hash,
 * custom kinds (`custom:<hash>`) with their component's bytes so the recording can run
 * them again where they were never uploaded.
 */
import type { KindInfo } from '../../hosts/types';
import type { RecordingModule, TapeEntry } from '../../experiments/replay/types';

export function modulesInUse(
  tape: readonly TapeEntry[],
  kinds: readonly KindInfo[],
  bytesOf: (hash: string) => Uint8Array | undefined,
): RecordingModule[] {
  const deployed = new Set<string>();
  for (const { input } of tape) if (input.type === 'agent.deploy') deployed.add(input.spec.kind);
  const modules: RecordingModule[] = [];
  for (const info of kinds) {
    if (!deployed.has(info.kind)) continue;
    const bytes = info.builtin ? undefined : bytesOf(info.hash);
    modules.push({ kind: info.kind, hash: info.hash, label: info.label, builtin: info.builtin, ...(bytes ? { bytes } : {}) });
  }
  return modules;
}
