/** Every node by name: agents, topics and clients share one namespace. */
import type { AgentNode, NetNode } from './nodes';

export class Registry {
  readonly nodes = new Map<string, NetNode>();

  get(name: string): NetNode | undefined {
    return this.nodes.get(name);
  }

  agent(name: string): AgentNode | undefined {
    const node = this.nodes.get(name);
    return node?.type === 'agent' ? node : undefined;
  }

  add(node: NetNode): void {
    this.nodes.set(node.name, node);
  }

  delete(name: string): void {
    this.nodes.delete(name);
  }

  *ofType<T extends NetNode['type']>(type: T): IterableIterator<Extract<NetNode, { type: T }>> {
    for (const node of this.nodes.values()) if (node.type === type) yield node as Extract<NetNode, { type: T }>;
  }
}
