/** The replay form as a ReplayRequest (pure): fields to ignore, order, and agents deployed with another kind. */
import type { ReplayRequest, StandInRequest } from '../../../browser/replay/types';
import { parseTags } from './recordingFile';

export interface ReplayForm {
  against: ReplayRequest['against'];
  ignore: string;
  orderSensitive: boolean;
  /** `agent=kind, …`: try the recording against a changed agent. */
  swaps: string;
  /** Recorded agents answered by a stand-in (simulation only). */
  standIns?: readonly StandInRequest[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `counter-1=echo, b = kv-store` → { 'counter-1': 'echo', b: 'kv-store' }. */
export function parseKindSwaps(text: string): Parsed<Record<string, string>> {
  const swaps: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [agent, kind, ...rest] = part.split('=').map((s) => s.trim());
    if (!agent || !kind || rest.length > 0) return { ok: false, problem: `“${part}”: expected agent=kind, e.g. counter-1=echo` };
    swaps[agent] = kind;
  }
  return { ok: true, value: swaps };
}

export function replayRequest(form: ReplayForm): Parsed<ReplayRequest> {
  const swaps = parseKindSwaps(form.swaps);
  if (!swaps.ok) return swaps;
  const request: ReplayRequest = { against: form.against, rules: { ignore: parseTags(form.ignore), orderSensitive: form.orderSensitive } };
  if (Object.keys(swaps.value).length > 0) request.kinds = swaps.value;
  const standIns = form.standIns ?? [];
  if (standIns.length > 0 && form.against !== 'simulation')
    return {
      ok: false,
      problem: 'Stand-ins answer in a fresh simulation only: replay against “a fresh simulation”, or clear the stand-ins.',
    };
  if (standIns.length > 0) request.standIns = [...standIns];
  return { ok: true, value: request };
}
