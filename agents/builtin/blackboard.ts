// Blackboard. A request {"post": {key: value, ...}} states a problem (and clears the
// previous one); knowledge sources subscribe {"key"} to the entries they can work on and
// get inform {"key", "value"} for a matching entry at once if it is already there, and
// whenever one is posted; they contribute entries with inform {"key", "value"}. When the
// "goal" entry appears, {"pattern": "blackboard", "goal", "value", "entries",
// "contributions"} goes to whoever posted the problem. query-ref {"key"} reads an entry.
// Config: {"goal"?: "result"}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvGet, kvSet, jsonString } from "../sdk";
import { Config, conversation, rememberStarter, report, sendOne, kvText, kvItems, kvPush, rawArray } from "./common/pattern";
import { parseJson } from "../sdk";

const PROTOCOL = "blackboard";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

/** Subscriptions are kept as [{"agent", "key", "rw"}]. */
function notify(key: string, valueJson: string): void {
  const subs = kvItems("subs");
  for (let i = 0; i < subs.length; i++) {
    const s = parseJson(subs[i]);
    if (s === null || s.getString("key") != key) continue;
    const agent = s.getString("agent");
    const rw = s.getString("rw");
    if (agent !== null) sendOne("inform", agent, obj().str("key", key).raw("value", valueJson).toString(), kvText("conv", ""), PROTOCOL, "", rw !== null ? rw : "");
  }
}

function post(key: string, valueJson: string, by: string): void {
  if (kvGet("e:" + key) === null || kvText("e:" + key, "") == "") kvPush("keys", jsonString(key));
  kvSet("e:" + key, valueJson);
  kvPush("contributions", obj().str("key", key).str("by", by).toString());
  notify(key, valueJson);
  const goal = cfg.str("goal", "result");
  if (key == goal && kvText("phase", "") == "solving") {
    kvSet("phase", "solved");
    report(obj().str("pattern", "blackboard").str("goal", goal).raw("value", valueJson).int("entries", kvItems("keys").length)
      .raw("contributions", rawArray(kvItems("contributions"))).toString(), PROTOCOL);
  }
}

function clear(): void {
  const keys = kvItems("keys");
  for (let i = 0; i < keys.length; i++) {
    const k = parseJson(keys[i]);
    if (k !== null && k.isString) kvSet("e:" + k.str, "");
  }
  kvSet("keys", "[]");
  kvSet("contributions", "[]");
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const c = msg.content;
  if (p == "request") {
    const problem = c.get("post");
    if (problem === null || !problem.isObject) return err("blackboard expects {\"post\": {key: value, ...}}");
    clear();
    rememberStarter(msg.sender, msg.replyWith, conversation(msg.conversationId, "bb"));
    kvSet("phase", "solving");
    const keys = problem.keys!;
    for (let i = 0; i < keys.length; i++) post(keys[i], problem.items![i].raw(), msg.sender);
    return ok();
  }
  if (p == "subscribe") {
    const key = c.getString("key");
    if (key === null) {
      reply(msg, "refuse", obj().str("reason", "expected {\"key\": \"...\"}").toString());
      return ok();
    }
    const rw = msg.replyWith;
    const entry = obj().str("agent", msg.sender).str("key", key).str("rw", rw !== null ? rw : "").toString();
    const subs = kvItems("subs");
    let known = false;
    for (let i = 0; i < subs.length; i++) {
      const s = parseJson(subs[i]);
      if (s !== null && s.getString("agent") == msg.sender && s.getString("key") == key) known = true;
    }
    if (!known) kvPush("subs", entry);
    reply(msg, "agree", obj().str("key", key).toString());
    const v = kvText("e:" + key, "");
    if (v.length > 0) reply(msg, "inform", obj().str("key", key).raw("value", v).toString());
    return ok();
  }
  if (p == "inform") {
    const key = c.getString("key");
    const value = c.get("value");
    if (key === null || value === null) return ok();
    post(key, value.raw(), msg.sender);
    return ok();
  }
  if (p == "query-ref") {
    const key = c.isString ? c.str : c.getString("key");
    const v = key !== null ? kvText("e:" + key, "") : "";
    if (v.length > 0) reply(msg, "inform", obj().str("key", key!).raw("value", v).toString());
    else reply(msg, "failure", obj().str("reason", "not-found").toString());
    return ok();
  }
  if (p == "failure" || p == "not-understood" || p == "agree" || p == "refuse" || p == "cancel") return ok();
  return err("blackboard does not understand " + p);
}
