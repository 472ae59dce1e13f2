// Helpers shared by the pattern agents (contract net, auction, saga, ...): config
// reading, kv-backed run state, and drafts with any receiver (a name or a list).
import { Message, JsonValue, obj, jsonString, jsonNumber, sendDraft, kvGet, kvSet, parseJson, nowMs, setTimer, timerTag } from "../../sdk";

/** The agent's config (set by init; a null or non-object config reads as empty). */
export class Config {
  value: JsonValue = new JsonValue();
  str(key: string, fallback: string): string {
    const s = this.value.getString(key);
    return s !== null ? s : fallback;
  }
  num(key: string, fallback: f64): f64 { return this.value.getNumber(key, fallback); }
  flag(key: string): bool {
    const v = this.value.get(key);
    return v !== null && v.isBool && v.bool;
  }
  /** A string or a list of strings. */
  names(key: string): string[] { return strings(this.value.get(key)); }
  /** The member as JSON text, or `fallback`. */
  raw(key: string, fallback: string): string {
    const v = this.value.get(key);
    return v !== null ? v.raw() : fallback;
  }
}

export function strings(v: JsonValue | null): string[] {
  const out = new Array<string>();
  if (v === null) return out;
  if (v.isString) {
    out.push(v.str);
    return out;
  }
  const items = v.items;
  if (!v.isArray || items === null) return out;
  for (let i = 0; i < items.length; i++) if (items[i].isString) out.push(items[i].str);
  return out;
}

/** JSON array of strings. */
export function stringArray(a: string[]): string {
  let s = "[";
  for (let i = 0; i < a.length; i++) {
    if (i > 0) s += ",";
    s += jsonString(a[i]);
  }
  return s + "]";
}

/** JSON array whose items are already JSON text. */
export function rawArray(a: string[]): string {
  return "[" + a.join(",") + "]";
}

/** Appends JSON `item` to the JSON array kept under kv `key`. */
export function kvPush(key: string, item: string): void {
  const cur = kvGet(key);
  if (cur === null || cur == "[]" || cur.length < 2) kvSet(key, "[" + item + "]");
  else kvSet(key, cur.substring(0, cur.length - 1) + "," + item + "]");
}

/** The JSON array under kv `key`, as item JSON texts. */
export function kvItems(key: string): string[] {
  const out = new Array<string>();
  const cur = kvGet(key);
  if (cur === null) return out;
  const v = parseJson(cur);
  if (v === null || !v.isArray) return out;
  const items = v.items!;
  for (let i = 0; i < items.length; i++) out.push(items[i].raw());
  return out;
}

export function kvText(key: string, fallback: string): string {
  const s = kvGet(key);
  return s !== null ? s : fallback;
}

export function kvNum(key: string, fallback: f64): f64 {
  const s = kvGet(key);
  return s !== null && s.length > 0 ? parseFloat(s) : fallback;
}

export function kvSetNum(key: string, n: f64): void { kvSet(key, jsonNumber(n)); }

/** A conversation id: the message's own, or `<prefix>-<n>` from a durable counter. */
export function conversation(given: string | null, prefix: string): string {
  if (given !== null && given.length > 0) return given;
  const n = kvNum("conversation-seq", 0) + 1;
  kvSetNum("conversation-seq", n);
  return prefix + "-" + jsonNumber(n);
}

/**
 * Sends a draft to `receiverJson` (a JSON string or array of names). Empty strings omit a
 * field, and so does a negative `replyBy` (kernel clock ms by which answers are due).
 */
export function sendTo(performative: string, receiverJson: string, contentJson: string, conv: string, protocol: string, replyWith: string, inReplyTo: string, replyBy: f64 = -1): void {
  const w = obj().str("performative", performative).raw("receiver", receiverJson).raw("content", contentJson);
  if (conv.length > 0) w.str("conversation_id", conv);
  if (protocol.length > 0) w.str("protocol", protocol);
  if (replyWith.length > 0) w.str("reply_with", replyWith);
  if (inReplyTo.length > 0) w.str("in_reply_to", inReplyTo);
  if (replyBy >= 0) w.num("reply_by", replyBy);
  sendDraft(w.toString());
}

/** Sends to one agent. */
export function sendOne(performative: string, to: string, contentJson: string, conv: string, protocol: string, replyWith: string, inReplyTo: string, replyBy: f64 = -1): void {
  sendTo(performative, jsonString(to), contentJson, conv, protocol, replyWith, inReplyTo, replyBy);
}

// Deadlines: an agent waiting for answers arms one timer per wait. Its tag is the awaited
// reply_with plus a durable sequence number, so a wake-up for a wait already decided (or
// for the same reply_with in an earlier run) never matches the one armed now.

export const DEFAULT_DEADLINE_MS: f64 = 5000;

/** How long to wait for answers: config "deadline_ms" (default 5000), at most a day. */
export function deadlineMs(cfg: Config): u32 {
  const ms = cfg.num("deadline_ms", DEFAULT_DEADLINE_MS);
  if (isNaN(ms) || ms < 0) return <u32>DEFAULT_DEADLINE_MS;
  return <u32>Math.min(Math.floor(ms), 86_400_000);
}

/** Arms the deadline for the answers to `replyWith`; returns their reply_by (kernel clock ms). */
export function armDeadline(replyWith: string, ms: u32): f64 {
  const n = kvNum("deadline-seq", 0) + 1;
  kvSetNum("deadline-seq", n);
  const tag = replyWith + "@" + jsonNumber(n);
  kvSet("deadline", tag);
  setTimer(ms, tag);
  return <f64>nowMs() + <f64>ms;
}

/** Nothing is awaited any more: a wake-up still on its way will be stale. */
export function disarmDeadline(): void { kvSet("deadline", ""); }

export const NOT_A_TIMER: i32 = 0;
export const STALE_TIMER: i32 = 1;
export const DEADLINE_PASSED: i32 = 2;

/**
 * What `msg` is as a timer wake-up: not one, a stale one (ignore it), or the armed
 * deadline passing (then it is disarmed, and the agent decides with what it has).
 */
export function deadlineOf(msg: Message): i32 {
  const tag = timerTag(msg);
  if (tag === null) return NOT_A_TIMER;
  const armed = kvText("deadline", "");
  if (armed.length == 0 || tag != armed) return STALE_TIMER;
  disarmDeadline();
  return DEADLINE_PASSED;
}

/** The kernel's `failure` for a request whose `reply_by` passed unanswered. */
export function isKernelTimeout(msg: Message): bool {
  const reason = msg.content.getString("reason");
  return msg.sender == "kernel" && msg.performative == "failure" && reason !== null && reason == "timeout";
}

/** The content of a deadline that passed without an answer from `who` (names in a JSON array). */
export function timeoutReason(whoJson: string): string {
  return obj().str("reason", "timeout").raw("missing", whoJson).toString();
}

/** The starter of a run: who asked, their reply_with, and the conversation. */
export function rememberStarter(sender: string, replyWith: string | null, conv: string): void {
  kvSet("starter", sender);
  kvSet("starter-rw", replyWith !== null ? replyWith : "");
  kvSet("conv", conv);
}

/** The final report: an inform to the starter, in reply to its request. */
export function report(contentJson: string, protocol: string): void {
  reportAs("inform", contentJson, protocol);
}

/** A final answer of any performative (e.g. `failure`) to the starter; ends any wait. */
export function reportAs(performative: string, contentJson: string, protocol: string): void {
  disarmDeadline();
  sendOne(performative, kvText("starter", "you"), contentJson, kvText("conv", ""), protocol, "", kvText("starter-rw", ""));
}

/** Answers that end a participant's turn without an inform. */
export function isNegative(p: string): bool {
  return p == "refuse" || p == "failure" || p == "not-understood";
}

/**
 * Who a reply is about: its sender, or for a kernel `failure` (no-route, crash, ...)
 * the receiver named in its content.
 */
export function answerer(sender: string, content: JsonValue): string {
  if (sender != "kernel") return sender;
  const r = content.getString("receiver");
  return r !== null ? r : sender;
}
