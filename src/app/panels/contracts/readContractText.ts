/** A contract file's text → the value to parse, or why it is not JSON (pure). */
import type { ContractProblem } from '../../../experiments/contracts/types';

export type ContractText = { ok: true; value: unknown } | { ok: false; problems: ContractProblem[] };

export function readContractText(text: string): ContractText {
  if (text.trim() === '')
    return { ok: false, problems: [{ path: 'contract', message: 'the text is empty: paste or load an orrery.contract/1 file' }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ path: 'contract', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The file name a draft downloads as. */
export function draftFileName(version: string): string {
  return `contracts-${version.replace(/[^A-Za-z0-9.-]+/g, '-')}.json`;
}
