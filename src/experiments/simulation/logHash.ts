/**
 * The run's fingerprint: SHA-256 over the canonical event log, one canonical JSON line per
 * event (JSONL). Two runs with the same hash produced the same facts in the same order at
 * the same (virtual) times.
 */
import type { KernelEvent } from '../../kernel/types';
import { canonicalJson } from './canonicalJson';
import { createSha256 } from './sha256';

/** The log as canonical JSONL text (for export and diffing two runs). */
export function canonicalLog(events: readonly KernelEvent[]): string {
  let out = '';
  for (const e of events) out += canonicalJson(e) + '\n';
  return out;
}

export function logHash(events: readonly KernelEvent[]): string {
  const hasher = createLogHasher();
  for (const e of events) hasher.add(e);
  return hasher.hex();
}

export interface LogHasher {
  add(event: KernelEvent): void;
  /** The hash of every event added so far; nothing may be added afterwards. */
  hex(): string;
}

/**
 * The log hash, one event at a time: subscribe it to a shell (which keeps only a bounded
 * log) and it still covers the whole run.
 */
export function createLogHasher(): LogHasher {
  const hash = createSha256();
  // Hash in chunks of lines: one TextEncoder call per ~64 KB instead of per event.
  let chunk = '';
  return {
    add(event) {
      chunk += canonicalJson(event) + '\n';
      if (chunk.length > 65_536) {
        hash.update(chunk);
        chunk = '';
      }
    },
    hex() {
      if (chunk.length > 0) hash.update(chunk);
      chunk = '';
      return hash.hex();
    },
  };
}
