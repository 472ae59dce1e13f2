import type { AclMessage } from '../../protocol/message';

/**
 * A FIFO ring buffer of messages, each with the link it arrived over (kept for the
 * `message.delivered` event). Parallel arrays, no per-entry objects: this is the hot path.
 */
export class MessageQueue {
  private messages: (AclMessage | undefined)[] = new Array<AclMessage | undefined>(8);
  private links: (string | undefined)[] = new Array<string | undefined>(8);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(message: AclMessage, link: string | undefined): void {
    if (this.size === this.messages.length) this.grow();
    const i = (this.head + this.size) & (this.messages.length - 1);
    this.messages[i] = message;
    this.links[i] = link;
    this.size++;
  }

  /** Puts a message back at the front (crash and restart requeue). */
  unshift(message: AclMessage, link: string | undefined): void {
    if (this.size === this.messages.length) this.grow();
    this.head = (this.head - 1) & (this.messages.length - 1);
    this.messages[this.head] = message;
    this.links[this.head] = link;
    this.size++;
  }

  /** The i-th message from the front. */
  at(i: number): AclMessage {
    return this.messages[(this.head + i) & (this.messages.length - 1)]!;
  }

  linkAt(i: number): string | undefined {
    return this.links[(this.head + i) & (this.messages.length - 1)];
  }

  /** Removes the front entry; read it first with `at(0)` / `linkAt(0)`. */
  drop(): void {
    const i = this.head;
    this.messages[i] = undefined;
    this.links[i] = undefined;
    this.head = (i + 1) & (this.messages.length - 1);
    this.size--;
  }

  /** Removes the i-th entry, keeping the order of the rest. */
  removeAt(i: number): void {
    const mask = this.messages.length - 1;
    for (let j = i; j > 0; j--) {
      const to = (this.head + j) & mask;
      const from = (this.head + j - 1) & mask;
      this.messages[to] = this.messages[from];
      this.links[to] = this.links[from];
    }
    this.drop();
  }

  indexOf(messageId: string): number {
    for (let i = 0; i < this.size; i++) if (this.at(i).id === messageId) return i;
    return -1;
  }

  toArray(): AclMessage[] {
    const out: AclMessage[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i));
    return out;
  }

  private grow(): void {
    const capacity = this.messages.length * 2;
    const messages = new Array<AclMessage | undefined>(capacity);
    const links = new Array<string | undefined>(capacity);
    for (let i = 0; i < this.size; i++) {
      messages[i] = this.at(i);
      links[i] = this.linkAt(i);
    }
    this.messages = messages;
    this.links = links;
    this.head = 0;
  }
}
