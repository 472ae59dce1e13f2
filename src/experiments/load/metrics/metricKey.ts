/**
 * Metric keys as k6 writes them: a name, optionally followed by a tag selector,
 * `latency{scenario:a,agent:echo-1}`. One canonical spelling (tags sorted, no spaces) so a key
 * written in a threshold and the key a sample lands in compare equal.
 */
import type { Tags } from './types';

export interface MetricKey {
  name: string;
  /** Empty for the metric itself; otherwise the sub-metric's selector. */
  tags: Tags;
}

export type KeyParse = { ok: true; key: MetricKey } | { ok: false; expected: string; received: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Parses `name` or `name{key:value,...}`; whitespace around names, keys and values is ignored. */
export function parseMetricKey(text: string): KeyParse {
  const open = text.indexOf('{');
  const name = (open < 0 ? text : text.slice(0, open)).trim();
  if (!NAME.test(name)) return { ok: false, expected: 'a metric name (letters, digits, _ . -)', received: quote(name) };
  if (open < 0) return { ok: true, key: { name, tags: {} } };
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return { ok: false, expected: "a tag selector closed by '}'", received: quote(text.slice(open)) };
  const body = trimmed.slice(open + 1, -1);
  if (body.trim() === '') return { ok: false, expected: 'at least one tag in the selector, e.g. {scenario:a}', received: '"{}"' };
  const tags: Record<string, string> = {};
  for (const pair of body.split(',')) {
    const colon = pair.indexOf(':');
    const tagKey = (colon < 0 ? pair : pair.slice(0, colon)).trim();
    const value = colon < 0 ? '' : pair.slice(colon + 1).trim();
    if (colon < 0 || tagKey === '' || value === '') return { ok: false, expected: 'tags written key:value', received: quote(pair.trim()) };
    if (tagKey in tags) return { ok: false, expected: 'each tag once', received: `${quote(tagKey)} twice` };
    tags[tagKey] = value;
  }
  return { ok: true, key: { name, tags } };
}

/** The canonical spelling: `latency`, `latency{agent:echo-1,scenario:a}`. */
export function formatMetricKey(key: MetricKey): string {
  const entries = sortedTags(key.tags);
  return entries.length === 0 ? key.name : `${key.name}{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`;
}

/** k6's sub-metric rule: a sample belongs to a sub-metric when its tags include every selector tag. */
export function tagsMatch(selector: Tags, sampleTags: Tags): boolean {
  for (const [k, v] of Object.entries(selector)) if (sampleTags[k] !== v) return false;
  return true;
}

export function sortedTags(tags: Tags): [string, string][] {
  return Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Metrics by name, each followed by its sub-metrics. */
export function compareMetricKeys(a: string, b: string): number {
  const [an, bn] = [a.split('{')[0]!, b.split('{')[0]!];
  if (an !== bn) return an < bn ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function quote(text: string): string {
  return JSON.stringify(text);
}
