// Sequence: records sequence numbers and checks each is exactly the previous + 1.
// State is one kv entry "state" = {"count":N,"last":N,"valid":bool}.
import { Message, Result, ok, err, reply, obj, kvGet, kvSet, parseJson } from "../sdk";

const KEY = "state";

class State {
  count: i64 = 0;
  last: f64 = 0;
  valid: bool = true;
}

function load(): State {
  const s = new State();
  const text = kvGet(KEY);
  if (text === null) return s;
  const v = parseJson(text);
  if (v === null || !v.isObject) return s;
  s.count = <i64>v.getNumber("count", 0);
  s.last = v.getNumber("last", 0);
  const valid = v.get("valid");
  s.valid = valid === null || valid.bool;
  return s;
}

function save(s: State): void {
  kvSet(KEY, obj().int("count", s.count).num("last", s.last).bool("valid", s.valid).toString());
}

function verdict(msg: Message, s: State): Result {
  reply(msg, "inform", obj().int("messages_received", s.count).bool("sequence_valid", s.valid).toString());
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p != "request" && p != "inform") return err("sequence does not understand " + p);
  const c = msg.content;
  const seq = c.get("sequence_number");
  if (seq !== null) {
    if (!seq.isNumber) return err("sequence_number must be a number");
    const s = load();
    if (s.count > 0 && seq.num != s.last + 1) s.valid = false;
    s.count++;
    s.last = seq.num;
    save(s);
    if (p == "request") reply(msg, "inform", obj().num("ack", seq.num).toString());
    return ok();
  }
  const action = p == "request" ? c.getString("action") : null;
  if (action == "verify_sequence") return verdict(msg, load());
  if (action == "reset") {
    const s = new State();
    save(s);
    return verdict(msg, s);
  }
  return err("sequence expects {\"sequence_number\": N} or {\"action\": \"verify_sequence\" | \"reset\"}");
}
