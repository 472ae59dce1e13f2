/**
 * k6's durations (Go's): `500ms`, `10s`, `1m30s`, `1.5h`, `250us`/`250µs`; units ns, us, µs, ms,
 * s, m, h, summed. A bare number is milliseconds. Negative durations are refused.
 */
export type DurationParse = { ok: true; ms: number } | { ok: false; expected: string; received: string };

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
const EXPECTED = "a duration like '500ms', '10s' or '1m30s' (units ns, us, ms, s, m, h)";

export function parseDuration(value: unknown): DurationParse {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? { ok: true, ms: value }
      : { ok: false, expected: 'a duration ≥ 0', received: String(value) };
  }
  if (typeof value !== 'string') return { ok: false, expected: EXPECTED, received: value === null ? 'null' : typeof value };
  const text = value.trim();
  if (text.startsWith('-')) return { ok: false, expected: 'a duration ≥ 0', received: JSON.stringify(value) };
  if (text === '0') return { ok: true, ms: 0 };
  let ms = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const at = PART.lastIndex;
    const match = PART.exec(text);
    if (!match)
      return {
        ok: false,
        expected: EXPECTED,
        received: at === 0 ? JSON.stringify(value) : `${JSON.stringify(value)} (at ${JSON.stringify(text.slice(at))})`,
      };
    ms += Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  return text === '' ? { ok: false, expected: EXPECTED, received: '""' } : { ok: true, ms };
}
