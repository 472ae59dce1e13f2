/**
 * A JADE-style message log as a Recording that plays back: the tape creates a client node for
 * every participant and a link for every pair that talked (at the first entry's time), then sends each message
 * from its sender at its time. A bare kernel stepping the tape yields `message.sent` and
 * `message.delivered` for each entry, so the player, the canvas and replay treat it like any
 * recording. Kernel time is epoch ms, as on the live kernel (its real clock): each entry at its
 * timestamp; a log without timestamps starts at `createdAt` (default now), one entry every `spacingMs`.
 */
import { errorData, OrreryError } from '../../protocol/errors';
import { parseFipa, type AgentAddresses } from '../../protocol/fipaString';
import type { MessageDraft } from '../../protocol/message';
import { BROADCAST, TOPIC_PREFIX } from '../../protocol/message';
import { CONSOLE, nameProblem } from '../../protocol/names';
import type { KernelInput } from '../../kernel/types';
import { finishRecording } from '../replay/finishRecording';
import type { Recording, TapeEntry } from '../replay/types';
import { parseStamp } from './jadeTimestamp';
import { splitJadeLog, type RawEntry } from './splitJadeLog';

export interface JadeImportOptions {
  name?: string;
  tags?: string[];
  /** Time between entries when the log has no timestamps (default 10 ms). */
  spacingMs?: number;
  /** ISO 8601; default: the first entry's timestamp, else now. A log without timestamps starts at this time. */
  createdAt?: string;
  maxMessageBytes?: number;
}

export interface JadeImport {
  recording: Recording;
  /** Transport addresses the agent identifiers carried, by name (the envelope has no place for them). */
  addresses: AgentAddresses;
  /** Epoch ms of the first entry (its timestamp, else `createdAt`): kernel times are epoch ms. */
  timeOrigin: number;
  /** Parameters skipped per entry (`:reply-to`, `:encoding`, `:X-...`): nothing is dropped without saying so. */
  skipped: { entry: number; params: string[] }[];
}

interface ParsedEntry {
  number: number;
  t: number;
  draft: MessageDraft & { sender: string };
}

/** Throws OrreryError ORR513 naming the entry number and what is wrong with it. */
export function importJadeLog(log: string, options: JadeImportOptions = {}): JadeImport {
  const split = splitJadeLog(log);
  if (!split.ok) throw entryError(split.entry, `line ${split.line}: ${split.problem}`);
  if (split.entries.length === 0)
    throw entryError(0, 'the log holds no ACL message', 'at least one (performative :sender ... :receiver ...) entry');
  const stamped = timeOriginOf(split.entries);
  const createdAt = options.createdAt ?? new Date(stamped ?? Date.now()).toISOString();
  const origin = stamped ?? startOf(createdAt);
  const addresses: AgentAddresses = Object.create(null) as AgentAddresses;
  const skipped: JadeImport['skipped'] = [];
  const parsed: ParsedEntry[] = [];
  let last = 0;
  for (const entry of split.entries) {
    const t = stamped === undefined ? origin + (entry.number - 1) * (options.spacingMs ?? 10) : parseStamp(entry.stamp!)!;
    if (t < last)
      throw entryError(entry.number, `its timestamp ${entry.stamp} is earlier than the entry before it`, 'entries in time order');
    last = t;
    const result = parseFipa(entry.text, {
      // Kernel time is epoch ms: :reply-by dates are kernel times as they are
      timeOrigin: 0,
      skipUncarried: true,
      ...(options.maxMessageBytes ? { maxBytes: options.maxMessageBytes } : {}),
    });
    if (!result.ok) throw entryError(entry.number, `line ${entry.line}: ${result.error.message}`, result.error.expected, result.error.got);
    const { draft } = result;
    if (draft.sender === undefined)
      throw entryError(entry.number, 'the message has no :sender (a log must say who sent each message)', ':sender');
    for (const name of participants(draft)) {
      const problem = nameProblem(name);
      if (problem) throw entryError(entry.number, `"${name}" cannot name a node here: ${problem}`, 'an agent name', name);
    }
    for (const [name, urls] of Object.entries(result.addresses ?? {}))
      addresses[name] = [...new Set([...(addresses[name] ?? []), ...urls])];
    if (result.skipped) skipped.push({ entry: entry.number, params: result.skipped });
    parsed.push({ number: entry.number, t, draft: draft as ParsedEntry['draft'] });
  }
  const tape = tapeOf(parsed);
  const recording = finishRecording({
    tape,
    kernelSeed: 0,
    clockMode: 'live',
    // Playback opens on the participants already there (as a recording started after deploying), first message next
    startIndex: tape.length - parsed.length,
    name: options.name ?? 'JADE message log',
    tags: options.tags ?? ['jade'],
    kernel: options.maxMessageBytes ? { maxMessageBytes: options.maxMessageBytes } : {},
    modules: [],
    createdAt,
  });
  return { recording, addresses: { ...addresses }, skipped, timeOrigin: origin };
}

/** Epoch ms of an ISO time; now when it is not one. */
function startOf(createdAt: string): number {
  const t = Date.parse(createdAt);
  return Number.isFinite(t) ? t : Date.now();
}

/** The first entry's time, when every entry has a timestamp; undefined when none has; an error when only some have. */
function timeOriginOf(entries: readonly RawEntry[]): number | undefined {
  const stamped = entries.filter((e) => e.stamp !== undefined);
  if (stamped.length === 0) return undefined;
  const bare = entries.find((e) => e.stamp === undefined);
  if (bare)
    throw entryError(bare.number, 'it has no timestamp while other entries have one', 'a timestamp before every entry, or before none');
  return parseStamp(entries[0]!.stamp!)!;
}

/** Sender and named receivers (not `*`, topics or the console `you`): the client nodes to create. */
function participants(draft: MessageDraft): string[] {
  const receivers = typeof draft.receiver === 'string' ? [draft.receiver] : [...draft.receiver];
  return [draft.sender!, ...receivers.filter((r) => r !== BROADCAST && !r.startsWith(TOPIC_PREFIX))].filter((n) => n !== CONSOLE);
}

function tapeOf(entries: readonly ParsedEntry[]): TapeEntry[] {
  const nodes = new Set<string>();
  const links = new Map<string, [string, string]>();
  for (const { draft } of entries) {
    const named = participants(draft);
    for (const n of named) nodes.add(n);
    // The console reaches every node directly: only client-to-client traffic needs links
    if (draft.sender !== CONSOLE)
      for (const r of named) if (r !== draft.sender) links.set([draft.sender, r].sort().join('\u0000'), [draft.sender, r]);
  }
  const setup: KernelInput[] = [
    ...[...nodes].map((name): KernelInput => ({ type: 'client.create', name })),
    ...[...links.values()].map(([a, b]): KernelInput => ({ type: 'link.add', a, b })),
  ];
  const start = entries[0]?.t ?? 0;
  return [...setup.map((input) => ({ t: start, input })), ...entries.map(({ t, draft }) => ({ t, input: sendInput(draft) }))];
}

function sendInput(draft: ParsedEntry['draft']): KernelInput {
  return draft.sender === CONSOLE ? { type: 'message.send', message: draft } : { type: 'message.send', from: draft.sender, message: draft };
}

function entryError(entry: number, message: string, expected?: string, received?: string): OrreryError {
  const where = entry > 0 ? `entry ${entry}` : 'log';
  return new OrreryError(
    errorData('ORR513', `JADE message log, ${where}: ${message}`, {
      path: where,
      ...(expected !== undefined ? { expected } : {}),
      ...(received !== undefined ? { received } : {}),
    }),
  );
}
