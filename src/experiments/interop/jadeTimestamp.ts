/**
 * Timestamps a message log may put before an entry, as epoch ms: ISO 8601
 * (`2026-12-06T15:30:00.123Z`, `2026-12-06 15:30:00,123` as java.util.logging and log4j
 * write it; no zone = UTC), a FIPA date (`20261206T153000123Z`) or epoch milliseconds
 * (12+ digits). Brackets around it and a trailing `-`, `:`, `|` or `>` are allowed.
 */
import { parseFipaDate } from '../../protocol/fipaString';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseStamp(raw: string): number | undefined {
  const text = raw
    .trim()
    .replace(/\s+[-:|>]+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .trim();
  if (/^\d{12,}$/.test(text)) return Number(text);
  const fipa = parseFipaDate(text);
  if (fipa !== undefined) return fipa;
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as number[];
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms);
  if (new Date(t).getUTCDate() !== d || mo! < 1 || mo! > 12 || h! > 23 || mi! > 59 || s! > 59) return undefined;
  return t - offsetMs(m[8]);
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
}

/** ISO 8601 in UTC with milliseconds: what `toJadeLog` writes. */
export function formatStamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
