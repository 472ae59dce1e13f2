/** The agent kinds a tape deploys, described from the kind library that ran them. */
import type { KindLibrary } from '../../hosts/inProcess';
import type { RecordingModule, TapeEntry } from './types';

export function deployedKinds(tape: readonly TapeEntry[]): string[] {
  const kinds = new Set<string>();
  for (const { input } of tape) if (input.type === 'agent.deploy' && typeof input.spec?.kind === 'string') kinds.add(input.spec.kind);
  return [...kinds];
}

/** Kinds the library does not know are left out (the kernel refused their deploys anyway). */
export function recordingModules(tape: readonly TapeEntry[], library: KindLibrary): RecordingModule[] {
  const modules: RecordingModule[] = [];
  for (const kind of deployedKinds(tape)) {
    const info = library.get(kind)?.info;
    if (info) modules.push({ kind, hash: info.hash, label: info.label, builtin: info.builtin });
  }
  return modules;
}
