// Saga participant: performs and compensates local transactions. request {"action"} ->
// agree, then inform {"action", "done": true} or, when configured to fail, failure
// {"action", "reason"}; request {"action", "compensates"} -> agree, then inform {"action",
// "compensated"}. query-ref -> inform {"log": [...]} (what it did, in order).
// Config: {"fail"?: true | "<action>", "reason"?: "..."}.
import { Message, JsonValue, Result, ok, err, reply, obj, jsonString } from "../sdk";
import { Config, kvPush, kvItems, rawArray } from "./common/pattern";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

function fails(action: string): bool {
  const f = cfg.value.get("fail");
  if (f === null) return false;
  return (f.isBool && f.bool) || (f.isString && f.str == action);
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const c = msg.content;
  if (p == "query-ref") {
    reply(msg, "inform", obj().raw("log", rawArray(kvItems("log"))).toString());
    return ok();
  }
  if (p == "inform" || p == "failure" || p == "not-understood" || p == "refuse") return ok();
  if (p != "request") return err("saga-step does not understand " + p);
  const action = c.getString("action");
  if (action === null) return err("saga-step expects {\"action\": \"...\"}");
  reply(msg, "agree", obj().str("action", action).toString());
  const compensates = c.getString("compensates");
  if (compensates !== null) {
    kvPush("log", jsonString(action));
    reply(msg, "inform", obj().str("action", action).str("compensated", compensates).toString());
    return ok();
  }
  if (fails(action)) {
    kvPush("log", jsonString("failed " + action));
    reply(msg, "failure", obj().str("action", action).str("reason", cfg.str("reason", action + " failed")).toString());
    return ok();
  }
  kvPush("log", jsonString(action));
  reply(msg, "inform", obj().str("action", action).bool("done", true).toString());
  return ok();
}
