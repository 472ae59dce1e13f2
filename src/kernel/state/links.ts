/** The wires between nodes. Bidirectional; at most one per pair; never to oneself. */
import { errorData, type OrreryErrorData } from '../../protocol/errors';
import type { Ids } from './ids';
import type { LinkRecord } from './nodes';
import type { Registry } from './registry';

export class Links {
  readonly byId = new Map<string, LinkRecord>();

  add(registry: Registry, ids: Ids, a: unknown, b: unknown, id: unknown): LinkRecord | OrreryErrorData {
    if (typeof a !== 'string' || typeof b !== 'string') {
      return errorData('ORR014', 'link.add needs two node names', {
        expected: 'a and b: node names',
        received: `${typeof a} and ${typeof b}`,
      });
    }
    const from = registry.get(a);
    const to = registry.get(b);
    const missing = from === undefined ? a : to === undefined ? b : undefined;
    if (missing !== undefined)
      return errorData('ORR012', `cannot link "${a}" and "${b}": no node named "${missing}"`, {
        expected: 'an existing agent, topic or client',
        received: `"${missing}"`,
      });
    if (a === b) return errorData('ORR014', `cannot link "${a}" to itself`, { expected: 'two different nodes', received: `"${a}" twice` });
    const existing = from!.peers.get(b);
    if (existing !== undefined)
      return errorData('ORR014', `"${a}" and "${b}" are already linked by ${existing.id}`, {
        expected: 'at most one link per pair',
        received: 'a second link',
      });
    if (id !== undefined && (typeof id !== 'string' || id.length === 0))
      return errorData('ORR014', 'a link id must be a non-empty string', { expected: 'a non-empty string', received: typeof id });
    if (typeof id === 'string' && this.byId.has(id))
      return errorData('ORR014', `link id "${id}" is taken`, { expected: 'an unused link id', received: `"${id}"` });
    const link: LinkRecord = { id: typeof id === 'string' ? id : ids.link((x) => this.byId.has(x)), a, b };
    this.byId.set(link.id, link);
    from!.peers.set(b, link);
    to!.peers.set(a, link);
    return link;
  }

  remove(registry: Registry, id: string): LinkRecord | undefined {
    const link = this.byId.get(id);
    if (link === undefined) return undefined;
    this.byId.delete(id);
    registry.get(link.a)?.peers.delete(link.b);
    registry.get(link.b)?.peers.delete(link.a);
    return link;
  }
}
