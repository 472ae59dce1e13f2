// Service: a small calculator speaking FIPA-request. request {"op": "add"|"sub"|"mul"|"div",
// "a": n, "b": n} -> agree, then inform {"op", "a", "b", "result"}; a division by zero is a
// failure (agreed, then could not be done), an unknown op or bad arguments a refuse.
// Config: {"agree": false} skips the agree.
import { Message, JsonValue, Result, ok, err, reply, obj, jsonNumber } from "../sdk";
import { Config } from "./common/pattern";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p == "query-ref") {
    reply(msg, "inform", "{\"ops\":[\"add\",\"sub\",\"mul\",\"div\"]}");
    return ok();
  }
  if (p == "inform" || p == "failure" || p == "not-understood") return ok();
  if (p != "request") return err("service does not understand " + p);
  const c = msg.content;
  const op = c.getString("op");
  const a = c.getNumber("a");
  const b = c.getNumber("b");
  if (op === null || !(op == "add" || op == "sub" || op == "mul" || op == "div")) {
    reply(msg, "refuse", obj().str("reason", "unknown op; expected add, sub, mul or div").toString());
    return ok();
  }
  if (isNaN(a) || isNaN(b)) {
    reply(msg, "refuse", obj().str("reason", "\"a\" and \"b\" must be numbers").toString());
    return ok();
  }
  if (!(cfg.value.get("agree") !== null && !cfg.flag("agree"))) reply(msg, "agree", obj().str("op", op).toString());
  if (op == "div" && b == 0) {
    reply(msg, "failure", obj().str("op", op).str("reason", "division by zero").toString());
    return ok();
  }
  const r = op == "add" ? a + b : op == "sub" ? a - b : op == "mul" ? a * b : a / b;
  reply(msg, "inform", obj().str("op", op).num("a", a).num("b", b).raw("result", jsonNumber(r)).toString());
  return ok();
}
