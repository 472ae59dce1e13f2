// Stage: one step of a pipeline. On inform/request {"value", "trace"?, "origin"?} it
// applies its transform and passes inform {"value", "trace" (+ its label), "origin"} to
// `next`, in the same conversation. The first stage records the sender as the origin; a
// transform that does not apply is reported to the origin as a failure.
// Config: {"transform", "next", "label"?}; see common/transform.ts for transforms.
import { Message, JsonValue, Result, ok, err, obj, jsonString } from "../sdk";
import { Config, sendOne } from "./common/pattern";
import { applyTransform, describe } from "./common/transform";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  if (cfg.str("next", "") == "") return err("stage needs {\"next\": \"<agent>\"} in its config");
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p == "failure" || p == "not-understood" || p == "agree" || p == "refuse") return ok();
  if (p != "inform" && p != "request") return err("stage does not understand " + p);
  const c = msg.content;
  const value = c.get("value");
  if (value === null) return err("stage expects {\"value\": ...}");
  const originV = c.getString("origin");
  const origin = originV !== null ? originV : msg.sender;
  const t = cfg.value.get("transform");
  const label = cfg.str("label", describe(t));
  const conv = msg.conversationId !== null ? msg.conversationId! : "";
  const out = applyTransform(t, value);
  if (!out.ok) {
    sendOne("failure", origin, obj().str("stage", label).str("reason", out.error).toString(), conv, "pipeline", "", "");
    return ok();
  }
  const trace = c.get("trace");
  let traceJson = "[" + jsonString(label) + "]";
  if (trace !== null && trace.isArray && trace.items!.length > 0) {
    const raw = trace.raw();
    traceJson = raw.substring(0, raw.lastIndexOf("]")) + "," + jsonString(label) + "]";
  }
  sendOne("inform", cfg.str("next", ""), obj().raw("value", out.json).raw("trace", traceJson).str("origin", origin).toString(), conv, "pipeline", "", "");
  return ok();
}
