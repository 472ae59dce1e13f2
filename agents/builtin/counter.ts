// Counter: a count kept in the host's key-value store, so it survives restarts.
import { Message, Result, ok, err, reply, obj, kvGet, kvSet } from "../sdk";

const KEY = "count";

function current(): i64 {
  const s = kvGet(KEY);
  return s !== null ? I64.parseInt(s) : 0;
}

function store(n: i64): void {
  kvSet(KEY, n.toString());
}

function answer(msg: Message, n: i64): Result {
  reply(msg, "inform", obj().int("count", n).toString());
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p == "query-ref") return answer(msg, current());
  if (p != "request") return err("counter does not understand " + p);
  const c = msg.content;
  const action = c.getString("action");
  if (action === null) return err("counter expects {\"action\": \"increment\" | \"get\" | \"reset\"}");
  if (action == "get") return answer(msg, current());
  if (action == "reset") {
    store(0);
    return answer(msg, 0);
  }
  if (action == "increment") {
    const by = c.get("by");
    let step: i64 = 1;
    if (by !== null) {
      if (!by.isNumber || by.num != Math.trunc(by.num)) return err("increment: \"by\" must be an integer");
      step = <i64>by.num;
    }
    const n = current() + step;
    store(n);
    return answer(msg, n);
  }
  return err("counter: unknown action " + action);
}
