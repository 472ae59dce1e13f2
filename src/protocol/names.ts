/**
 * Names on the network. Agents, topics and clients share one namespace; a few names are
 * reserved for the system so a message's sender always says who really sent it.
 */
import { BROADCAST, TOPIC_PREFIX } from './message';

/** The operator console: reaches every node directly and receives replies directly. */
export const CONSOLE = 'you';
/** Sender of the messages the kernel itself writes (`failure` for no-route, timeout, ...). */
export const KERNEL_SENDER = 'kernel';
export const RESERVED_NAMES: readonly string[] = [CONSOLE, KERNEL_SENDER, BROADCAST];
export const MAX_NAME_LENGTH = 128;

// Whitespace, control characters, parentheses and quotes would need quoting in the FIPA
// string form and are confusing on a canvas label, so names may not contain them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const BAD_CHAR = /[\s\u0000-\u001f\u007f()"]/;

/** Why `name` cannot name a node, or undefined when it can. */
export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'a name must be a string';
  if (name.length === 0) return 'a name must not be empty';
  if (name.length > MAX_NAME_LENGTH) return `a name must be at most ${MAX_NAME_LENGTH} characters`;
  if (RESERVED_NAMES.includes(name)) return `"${name}" is reserved`;
  if (name.startsWith(TOPIC_PREFIX)) return `a name must not start with "${TOPIC_PREFIX}" (that prefix addresses topics)`;
  if (BAD_CHAR.test(name)) return 'a name must not contain spaces, control characters, parentheses or quotes';
  return undefined;
}
