/**
 * Stand-ins: an agent kind that answers as a recorded agent did (Polly.js's modes).
 * `replay`: only from the recording; a message it has no answer for is a guest error ORR510
 * naming the closest recorded message and the fields that differ, and a message asked more
 * often than recorded is ORR511. `passthrough`: what the recording cannot answer goes to the
 * real kind. `record-if-missing`: the same, and the real kind's answer is kept (`added()`).
 * Matching uses the replay's MatchRules; answers are re-addressed to the message at hand
 * (receiver, in_reply_to, conversation_id).
 */
import type { KindLibrary, SpawnableKind } from '../../hosts/inProcess';
import { AgentTrap, type AgentInstance, type CallOutcome } from '../../wasm/createAgentKind';
import type { HostBindings } from '../../wasm/hostBindings';
import { errorData, formatError, type OrreryErrorData } from '../../protocol/errors';
import type { AclMessage } from '../../protocol/message';
import { DEFAULT_MATCH_RULES, differingFields, matchKey, type FieldDifference, type MatchRules } from './match';
import { recordedExchanges, type Exchange } from './standInExchanges';
import type { Recording } from './types';

export type StandInMode = 'replay' | 'passthrough' | 'record-if-missing';

export interface StandInOptions {
  recording: Recording;
  /** The recorded agent whose answers it gives. */
  agent: string;
  mode: StandInMode;
  /** The kind name it registers as. Default `stand-in:<agent>`. */
  kind?: string;
  rules?: MatchRules;
  /** The real kind (passthrough and record-if-missing). */
  real?: SpawnableKind;
}

export interface StandInMiss {
  message: AclMessage;
  error: OrreryErrorData;
}

export interface StandIn {
  readonly kind: string;
  readonly spawnable: SpawnableKind;
  /** Messages the recording could not answer (replay mode: each was a guest error). */
  misses(): StandInMiss[];
  /** Exchanges the real kind answered (record-if-missing). */
  added(): Exchange[];
  /** Recorded exchanges not used yet. */
  unused(): number;
}

export function createStandIn(options: StandInOptions): StandIn {
  const rules = options.rules ?? DEFAULT_MATCH_RULES;
  const kind = options.kind ?? `stand-in:${options.agent}`;
  if (options.mode !== 'replay' && !options.real) throw new Error(`stand-in ${kind}: ${options.mode} mode needs the real kind`);
  const book = createExchangeBook(recordedExchanges(options.recording, options.agent), rules);
  const misses: StandInMiss[] = [];
  const added: Exchange[] = [];
  const spawnable: SpawnableKind = {
    info: {
      kind,
      label: `${options.agent} (stand-in, ${options.mode})`,
      description: `answers as ${options.agent} did in "${options.recording.header.name}"`,
      hash: `stand-in:${options.recording.header.logHash}:${options.agent}`,
      bytes: 0,
      builtin: false,
    },
    async instantiate(host, instantiateOptions) {
      const capture = createCapture(host);
      const real = options.real ? await options.real.instantiate(capture.host, instantiateOptions) : undefined;
      return standInInstance({ options, book, host, real, capture, onMiss: (m) => misses.push(m), onAdded: (e) => added.push(e) });
    },
  };
  return { kind, spawnable, misses: () => [...misses], added: () => [...added], unused: () => book.unused() };
}

/** The library with the stand-ins' kinds added (the rest comes from `library`). */
export function withStandIns(library: KindLibrary, standIns: readonly StandIn[]): KindLibrary {
  const own = new Map(standIns.map((s) => [s.kind, s.spawnable]));
  return {
    registerKind: (kind, component, meta) => library.registerKind(kind, component, meta),
    registerJs: (kind, behavior, meta) => library.registerJs(kind, behavior, meta),
    get: (kind) => own.get(kind) ?? library.get(kind),
    kinds: () => [...library.kinds().filter((k) => !own.has(k.kind)), ...[...own.values()].map((s) => s.info)],
  };
}

interface ExchangeBook {
  /** The next unused exchange for this message, `exhausted` when all were used, `unmatched` when none matches. */
  take(message: AclMessage): Exchange | 'exhausted' | 'unmatched';
  closest(message: AclMessage): { request: AclMessage; fields: FieldDifference[] } | undefined;
  unused(): number;
}

function createExchangeBook(exchanges: Exchange[], rules: MatchRules): ExchangeBook {
  const queues = new Map<string, Exchange[]>();
  for (const e of exchanges) {
    const key = matchKey(e.request, rules);
    queues.set(key, [...(queues.get(key) ?? []), e]);
  }
  const used = new Set<Exchange>();
  return {
    take(message) {
      const queue = queues.get(matchKey(message, rules));
      if (!queue) return 'unmatched';
      const next = queue.shift();
      if (next) used.add(next);
      return next ?? 'exhausted';
    },
    /** Among the exchanges not used yet (all of them once every one was). */
    closest(message) {
      const fresh = exchanges.filter((e) => !used.has(e));
      let best: { request: AclMessage; fields: FieldDifference[] } | undefined;
      for (const e of fresh.length > 0 ? fresh : exchanges) {
        const fields = differingFields(e.request, message, rules);
        if (!best || fields.length < best.fields.length) best = { request: e.request, fields };
      }
      return best;
    },
    unused: () => [...queues.values()].reduce((n, q) => n + q.length, 0),
  };
}

interface Capture {
  host: HostBindings;
  start(): void;
  stop(): Pick<Exchange, 'answers' | 'kv'>;
}

/** Host bindings for the real instance: pass everything through, and note sends and keys while asked to. */
function createCapture(host: HostBindings): Capture {
  let taken: Pick<Exchange, 'answers' | 'kv'> | undefined;
  return {
    host: {
      kvGet: (key) => host.kvGet(key),
      nowMs: () => host.nowMs(),
      log: (level, text) => host.log(level, text),
      ...(host.setTimer ? { setTimer: (delayMs: number, tag: string) => host.setTimer!(delayMs, tag) } : {}),
      ...(host.onHostError ? { onHostError: (fn: string, error: unknown) => host.onHostError!(fn, error) } : {}),
      send(message) {
        taken?.answers.push(message);
        host.send(message);
      },
      kvSet(key, value) {
        taken?.kv.push({ key, value });
        host.kvSet(key, value);
      },
    },
    start: () => void (taken = { answers: [], kv: [] }),
    stop() {
      const out = taken ?? { answers: [], kv: [] };
      taken = undefined;
      return out;
    },
  };
}

interface InstanceParts {
  options: StandInOptions;
  book: ExchangeBook;
  host: HostBindings;
  real: AgentInstance | undefined;
  capture: Capture;
  onMiss(miss: StandInMiss): void;
  onAdded(exchange: Exchange): void;
}

function standInInstance(parts: InstanceParts): AgentInstance {
  const { options, book, host, real } = parts;
  let dead = false;
  const decoder = new TextDecoder();
  return {
    init: (config) => (real ? real.init(config) : { ok: true }),
    handle(raw) {
      if (dead) throw new AgentTrap('cannot enter the stand-in: it trapped before');
      const message = JSON.parse(typeof raw === 'string' ? raw : decoder.decode(raw)) as AclMessage;
      const found = book.take(message);
      if (typeof found === 'object') {
        if (found.crashed) {
          dead = true;
          throw new AgentTrap(`the recorded ${options.agent} crashed on this message`);
        }
        for (const { key, value } of found.kv) host.kvSet(key, value);
        for (const answer of found.answers) host.send(JSON.stringify(readdress(answer, found.request, message)));
        return { ok: true };
      }
      const error = missError(options, book, message, found);
      if (options.mode === 'replay' || !real) {
        parts.onMiss({ message, error });
        return { ok: false, error: formatError(error, { hint: false }) };
      }
      return passThrough(parts, real, raw, message);
    },
    get dead() {
      return dead || (real?.dead ?? false);
    },
  };
}

function passThrough(parts: InstanceParts, real: AgentInstance, raw: string | Uint8Array, message: AclMessage): CallOutcome {
  const recording = parts.options.mode === 'record-if-missing';
  if (recording) parts.capture.start();
  try {
    const outcome = real.handle(raw);
    if (recording) parts.onAdded({ request: message, ...parts.capture.stop() });
    return outcome;
  } catch (thrown) {
    if (recording) parts.onAdded({ request: message, ...parts.capture.stop(), crashed: true });
    throw thrown;
  }
}

function missError(options: StandInOptions, book: ExchangeBook, message: AclMessage, why: 'exhausted' | 'unmatched'): OrreryErrorData {
  const what = `${message.performative} from ${message.sender}`;
  if (why === 'exhausted') {
    return errorData('ORR511', `stand-in for ${options.agent}: ${what} was answered as often as recorded already`);
  }
  const closest = book.closest(message);
  if (!closest)
    return errorData('ORR510', `stand-in for ${options.agent}: the recording has no message to ${options.agent} at all (got ${what})`);
  const fields = closest.fields.map((f) => `${f.field} (recorded ${JSON.stringify(f.recorded)}, got ${JSON.stringify(f.replayed)})`);
  return errorData(
    'ORR510',
    `stand-in for ${options.agent}: no recorded answer for ${what}; closest recorded: ${closest.request.performative} from ${closest.request.sender} (${closest.request.id}), differing in ${fields.join(', ')}`,
    {
      expected: JSON.stringify(closest.request.content ?? null),
      received: JSON.stringify(message.content ?? null),
    },
  );
}

/** A recorded answer, addressed to the message at hand instead of the recorded one. */
function readdress(answer: unknown, recorded: AclMessage, now: AclMessage): unknown {
  let value: unknown = answer;
  if (typeof answer === 'string') {
    try {
      value = JSON.parse(answer);
    } catch {
      return answer; // the agent sent bad JSON: the kernel refuses it again, as it did
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  if (out['receiver'] === recorded.sender) out['receiver'] = now.sender;
  if (recorded.reply_with !== undefined && out['in_reply_to'] === recorded.reply_with) out['in_reply_to'] = now.reply_with;
  if (recorded.conversation_id !== undefined && out['conversation_id'] === recorded.conversation_id)
    out['conversation_id'] = now.conversation_id;
  return out;
}
