/**
 * Counters per node and per link, as a pure reducer over events: feed it the log and it
 * gives the same figures the kernel shows (`countMetrics` recounts a whole log).
 *
 * - node `sent`: messages it sent; `delivered`: messages handed to it; `failed`: messages
 *   addressed to it that could not be delivered.
 * - link `sent`: messages that crossed it (delivered or failed after crossing);
 *   `delivered` / `failed`: of those.
 */
import type { Counters, EventBody } from '../types';

export class Metrics {
  readonly nodes = new Map<string, Counters>();
  readonly links = new Map<string, Counters>();

  apply(event: EventBody): void {
    switch (event.type) {
      case 'message.sent':
        counters(this.nodes, event.message.sender).sent++;
        return;
      case 'message.delivered': {
        counters(this.nodes, event.to).delivered++;
        if (event.link !== undefined) {
          const link = counters(this.links, event.link);
          link.sent++;
          link.delivered++;
        }
        return;
      }
      case 'message.failed': {
        counters(this.nodes, event.to).failed++;
        if (event.link !== undefined) {
          const link = counters(this.links, event.link);
          link.sent++;
          link.failed++;
        }
        return;
      }
      case 'node.removed':
        this.nodes.delete(event.node);
        return;
      case 'link.removed':
        this.links.delete(event.link.id);
        return;
      default:
        return;
    }
  }

  node(name: string): Counters {
    return { ...(this.nodes.get(name) ?? ZERO) };
  }

  link(id: string): Counters {
    return { ...(this.links.get(id) ?? ZERO) };
  }
}

const ZERO: Counters = { sent: 0, delivered: 0, failed: 0 };

function counters(map: Map<string, Counters>, key: string): Counters {
  let c = map.get(key);
  if (c === undefined) {
    c = { sent: 0, delivered: 0, failed: 0 };
    map.set(key, c);
  }
  return c;
}

export function countMetrics(events: Iterable<EventBody>): Metrics {
  const metrics = new Metrics();
  for (const event of events) metrics.apply(event);
  return metrics;
}
