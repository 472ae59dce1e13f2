// Knowledge source for a blackboard. request {"action": "subscribe"} -> subscribe {"key":
// "needs"} to its "blackboard"; each inform {"key", "value"} about that entry is
// transformed and contributed back as inform {"key": "produces", "value"}.
// Config: {"blackboard", "needs", "produces", "transform"} (see common/transform.ts).
import { Message, JsonValue, Result, ok, err, obj } from "../sdk";
import { Config, sendOne } from "./common/pattern";
import { applyTransform } from "./common/transform";

const PROTOCOL = "blackboard";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  if (cfg.str("needs", "") == "" || cfg.str("produces", "") == "") return err("knowledge-source needs {\"needs\": key, \"produces\": key} in its config");
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const c = msg.content;
  const conv = msg.conversationId !== null ? msg.conversationId! : "";
  const board = cfg.str("blackboard", "blackboard");
  if (p == "request") {
    if (c.getString("action") != "subscribe") return err("knowledge-source expects {\"action\": \"subscribe\"}");
    sendOne("subscribe", board, obj().str("key", cfg.str("needs", "")).toString(), conv, PROTOCOL, conv + "-sub", "");
    return ok();
  }
  if (p == "inform") {
    const key = c.getString("key");
    const value = c.get("value");
    if (key === null || value === null || key != cfg.str("needs", "")) return ok();
    const out = applyTransform(cfg.value.get("transform"), value);
    if (out.ok) sendOne("inform", board, obj().str("key", cfg.str("produces", "")).raw("value", out.json).toString(), conv, PROTOCOL, "", "");
    else sendOne("failure", board, obj().str("key", key).str("reason", out.error).toString(), conv, PROTOCOL, "", "");
    return ok();
  }
  if (p == "agree" || p == "failure" || p == "not-understood" || p == "refuse") return ok();
  return err("knowledge-source does not understand " + p);
}
