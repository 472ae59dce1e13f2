/**
 * Divergences between recorded and replayed conversations under matching rules. Conversations
 * pair by id when both runs have it, the rest in order of their first message (a generated
 * conversation id differs between runs; the external inputs that start them come in the same
 * order). The earliest divergence in recorded time is marked `first`.
 */
import { differingFields, isOrderSensitive, matchKey, type FieldDifference, type MatchRules } from './match';
import type { Conversation, ConversationMessage } from './conversations';

export interface Divergence {
  /** The recorded conversation's id (the replayed one's for a conversation only the replay has). */
  conversation: string;
  /** Position of the message in the conversation (recorded side; replayed for `extra`). */
  index: number;
  /** `field`: the message differs; `missing`: recorded, not replayed; `extra`: replayed, not recorded. */
  kind: 'field' | 'missing' | 'extra';
  fields: FieldDifference[];
  recorded?: ConversationMessage;
  replayed?: ConversationMessage;
  first?: true;
}

export function diffConversations(recorded: readonly Conversation[], replayed: readonly Conversation[], rules: MatchRules): Divergence[] {
  const out: Divergence[] = [];
  for (const [a, b] of pairConversations(recorded, replayed)) {
    const id = a?.id ?? b!.id;
    const left = a?.messages ?? [];
    const right = b?.messages ?? [];
    out.push(...(isOrderSensitive(rules, id) ? diffInOrder(id, left, right, rules) : diffAnyOrder(id, left, right, rules)));
  }
  const first = earliest(out);
  if (first) first.first = true;
  return out;
}

function pairConversations(
  recorded: readonly Conversation[],
  replayed: readonly Conversation[],
): [Conversation | undefined, Conversation | undefined][] {
  // A made-up id (from a message id) names different conversations in different runs: never pair by it.
  const replayedById = new Map(replayed.filter((c) => !c.generated).map((c) => [c.id, c]));
  const recordedIds = new Set(recorded.filter((c) => !c.generated).map((c) => c.id));
  const unpaired = replayed.filter((c) => c.generated || !recordedIds.has(c.id));
  let next = 0;
  const pairs: [Conversation | undefined, Conversation | undefined][] = recorded.map((c) => [
    c,
    (c.generated ? undefined : replayedById.get(c.id)) ?? unpaired[next++],
  ]);
  for (; next < unpaired.length; next++) pairs.push([undefined, unpaired[next]]);
  return pairs;
}

function diffInOrder(
  id: string,
  left: readonly ConversationMessage[],
  right: readonly ConversationMessage[],
  rules: MatchRules,
): Divergence[] {
  const out: Divergence[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = left[i];
    const b = right[i];
    if (a && b) {
      const fields = differingFields(a.message, b.message, rules);
      if (fields.length > 0) out.push({ conversation: id, index: i, kind: 'field', fields, recorded: a, replayed: b });
    } else if (a) out.push({ conversation: id, index: i, kind: 'missing', fields: [], recorded: a });
    else if (b) out.push({ conversation: id, index: i, kind: 'extra', fields: [], replayed: b });
  }
  return out;
}

/** Equal messages cancel out whatever their order; what is left pairs with its closest. */
function diffAnyOrder(
  id: string,
  left: readonly ConversationMessage[],
  right: readonly ConversationMessage[],
  rules: MatchRules,
): Divergence[] {
  const waiting = new Map<string, number[]>();
  right.forEach((m, j) => {
    const key = matchKey(m.message, rules);
    waiting.set(key, [...(waiting.get(key) ?? []), j]);
  });
  const leftOver: number[] = [];
  left.forEach((m, i) => {
    const same = waiting.get(matchKey(m.message, rules));
    if (same && same.length > 0) same.shift();
    else leftOver.push(i);
  });
  const rightOver = new Set([...waiting.values()].flat());
  const out: Divergence[] = [];
  for (const i of leftOver) {
    const a = left[i]!;
    let best: { j: number; fields: ReturnType<typeof differingFields> } | undefined;
    for (const j of rightOver) {
      const fields = differingFields(a.message, right[j]!.message, rules);
      if (!best || fields.length < best.fields.length) best = { j, fields };
    }
    if (best) {
      rightOver.delete(best.j);
      out.push({ conversation: id, index: i, kind: 'field', fields: best.fields, recorded: a, replayed: right[best.j]! });
    } else out.push({ conversation: id, index: i, kind: 'missing', fields: [], recorded: a });
  }
  for (const j of [...rightOver].sort((x, y) => x - y))
    out.push({ conversation: id, index: j, kind: 'extra', fields: [], replayed: right[j]! });
  return out;
}

function earliest(divergences: Divergence[]): Divergence | undefined {
  const at = (d: Divergence): [number, number] => [d.recorded?.t ?? d.replayed!.t, d.recorded?.seq ?? d.replayed!.seq];
  let best: Divergence | undefined;
  for (const d of divergences) {
    if (!best) best = d;
    else {
      const [t, seq] = at(d);
      const [bt, bseq] = at(best);
      if (t < bt || (t === bt && seq < bseq)) best = d;
    }
  }
  return best;
}

/** One line for a person: what differs where. */
export function describeDivergence(d: Divergence): string {
  const where = `conversation ${d.conversation}, message ${d.index + 1}`;
  if (d.kind === 'missing')
    return `${where}: recorded ${d.recorded!.message.performative} from ${d.recorded!.message.sender} was not replayed`;
  if (d.kind === 'extra')
    return `${where}: replayed ${d.replayed!.message.performative} from ${d.replayed!.message.sender} was not recorded`;
  const fields = d.fields.map((f) => `${f.field}: recorded ${JSON.stringify(f.recorded)}, replayed ${JSON.stringify(f.replayed)}`);
  return `${where}: ${fields.join('; ')}`;
}
