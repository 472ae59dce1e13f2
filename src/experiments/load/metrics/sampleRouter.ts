/**
 * Which sinks a sample goes to: its metric, one sub-metric per breakdown tag it carries, and
 * every watched selector it matches. Worked out once per metric and combination of the tag
 * values that matter, then remembered: recording is the hot path of a load run (several
 * samples per request at thousands of requests a second), and building and hashing a key
 * string per sub-metric per sample cost more than the histograms themselves.
 */
import { formatMetricKey, tagsMatch, type MetricKey } from './metricKey';
import type { Tags } from './types';

/** Remembered combinations per metric before the memo starts over (a tag with a value per sample would grow it forever). */
const MAX_ROUTES = 10_000;

interface MetricRoutes<E> {
  /** The tag keys whose values decide the route. */
  tagKeys: string[];
  routes: Map<string, E[]>;
}

/** `C` is what resolving a key needs besides it (the registry: the metric's type). */
export class SampleRouter<E, C> {
  private readonly watched = new Map<string, MetricKey[]>();
  private readonly byName = new Map<string, MetricRoutes<E>>();

  constructor(
    private readonly breakdown: readonly string[],
    private readonly resolve: (key: string, context: C) => E,
  ) {}

  /** Adds a selector (once); samples of its metric are routed to it from now on. */
  watch(selector: MetricKey): void {
    const key = formatMetricKey(selector);
    const list = this.watched.get(selector.name) ?? [];
    if (list.some((k) => formatMetricKey(k) === key)) return;
    this.watched.set(selector.name, [...list, selector]);
    this.byName.delete(selector.name);
  }

  route(name: string, tags: Tags, context: C): E[] {
    let metric = this.byName.get(name);
    if (!metric) {
      const selectorKeys = (this.watched.get(name) ?? []).flatMap((s) => Object.keys(s.tags));
      metric = { tagKeys: [...new Set([...this.breakdown, ...selectorKeys])], routes: new Map() };
      this.byName.set(name, metric);
    }
    let signature = '';
    for (const key of metric.tagKeys) signature += `${tags[key] ?? '\u0001'}\u0000`;
    let route = metric.routes.get(signature);
    if (!route) {
      if (metric.routes.size >= MAX_ROUTES) metric.routes.clear();
      route = this.keys(name, tags).map((key) => this.resolve(key, context));
      metric.routes.set(signature, route);
    }
    return route;
  }

  /** The keys a sample lands in, uncached. */
  keys(name: string, tags: Tags): string[] {
    const keys = [name];
    for (const tag of this.breakdown) {
      const value = tags[tag];
      if (value !== undefined) keys.push(`${name}{${tag}:${value}}`);
    }
    for (const selector of this.watched.get(name) ?? []) if (tagsMatch(selector.tags, tags)) keys.push(formatMetricKey(selector));
    return [...new Set(keys)];
  }
}
