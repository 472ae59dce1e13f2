/**
 * The nodes and links a load run sends over, kept current from kernel events: a client
 * node is created the first time an iteration sends from it, a link client→agent the first
 * time it is needed, and every link is found by its two ends (for the `link` tag and the
 * latency model).
 */
import type { KernelEvent, KernelSnapshot } from '../../../kernel/types';
import type { ExperimentShell } from '../../ExperimentShell';

const pair = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Links by their two ends, in either direction. */
export function createLinkIndex(snapshot?: Pick<KernelSnapshot, 'links'>) {
  const links = new Map<string, string>();
  for (const l of snapshot?.links ?? []) links.set(pair(l.a, l.b), l.id);
  return {
    onEvent(e: KernelEvent): void {
      if (e.type === 'link.added') links.set(pair(e.link.a, e.link.b), e.link.id);
      else if (e.type === 'link.removed' && links.get(pair(e.link.a, e.link.b)) === e.link.id) links.delete(pair(e.link.a, e.link.b));
    },
    between: (a: string, b: string): string | undefined => links.get(pair(a, b)),
  };
}

export type LinkIndex = ReturnType<typeof createLinkIndex>;

export function createTopologyIndex(shell: Pick<ExperimentShell, 'command' | 'snapshot'>) {
  const snapshot = shell.snapshot();
  const links = createLinkIndex(snapshot);
  const nodes = new Set<string>([...snapshot.clients, ...snapshot.topics, ...snapshot.agents.map((a) => a.name)]);
  /** Clients and links the kernel refused, with why: not asked again (the sends fail and are counted as errors). */
  const refused = new Map<string, string>();
  return {
    onEvent(e: KernelEvent): void {
      links.onEvent(e);
      if (e.type === 'node.added' || e.type === 'agent.deployed') nodes.add(e.type === 'node.added' ? e.node : e.agent);
      else if (e.type === 'node.removed') nodes.delete(e.node);
    },
    /** Creates the client node when there is none by that name; the kernel's refusal, if any. */
    ensureClient(name: string): string | undefined {
      const key = `client ${name}`;
      if (refused.has(key)) return refused.get(key);
      if (nodes.has(name)) return undefined;
      const { error } = shell.command({ type: 'client.create', name });
      if (!error) return void nodes.add(name);
      const text = `${key}: ${error.code}: ${error.message}`;
      refused.set(key, text);
      return text;
    },
    /** The link between `a` and `b`, added (`a--b`) when there is none. */
    ensureLink(a: string, b: string): { id: string; error?: string } {
      const known = links.between(a, b);
      if (known !== undefined) return { id: known };
      const id = `${a}--${b}`;
      const before = refused.get(`link ${id}`);
      if (before !== undefined) return { id, error: before };
      const { error } = shell.command({ type: 'link.add', a, b, id });
      if (error) {
        const text = `link ${id}: ${error.code}: ${error.message}`;
        refused.set(`link ${id}`, text);
        return { id, error: text };
      }
      return { id: links.between(a, b) ?? id };
    },
  };
}

export type TopologyIndex = ReturnType<typeof createTopologyIndex>;
