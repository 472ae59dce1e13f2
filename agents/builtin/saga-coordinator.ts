// Saga coordinator. On a request it runs its steps one at a time: request {"action"} to
// the step's agent, then waits for inform (done; agree is noted) or failure / refuse /
// not-understood. If a step fails, the completed steps are compensated in reverse order
// with request {"action": compensation, "compensates": action}, each awaited before the
// next. Then {"pattern": "saga", "outcome": "committed" | "compensated" |
// "compensation-failed", "completed", "failed_step"?, "reason"?, "compensated"?} goes to
// whoever asked. Config: {"steps": [{"agent", "action", "compensation"}, ...]}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet, jsonString } from "../sdk";
import { Config, conversation, rememberStarter, report, sendOne, kvText, kvNum, kvSetNum, kvPush, kvItems, rawArray, isNegative } from "./common/pattern";

const PROTOCOL = "saga";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  const steps = c.get("steps");
  if (steps !== null && !steps.isArray) return err("saga-coordinator: \"steps\" must be an array");
  return ok();
}

function steps(): JsonValue[] {
  const s = cfg.value.get("steps");
  return s !== null && s.isArray ? s.items! : new Array<JsonValue>();
}

function field(step: JsonValue, key: string): string {
  const v = step.getString(key);
  return v !== null ? v : "";
}

function ask(i: i32, compensate: bool): void {
  const step = steps()[i];
  const conv = kvText("conv", "");
  const rw = conv + (compensate ? "-c" : "-s") + i.toString();
  kvSet("rw", rw);
  kvSetNum("step", i);
  const content = compensate
    ? obj().str("action", field(step, "compensation")).str("compensates", field(step, "action")).toString()
    : obj().str("action", field(step, "action")).toString();
  sendOne("request", field(step, "agent"), content, conv, PROTOCOL, rw, "");
}

function actions(indices: string[]): string {
  const all = steps();
  const out = new Array<string>();
  for (let i = 0; i < indices.length; i++) out.push(jsonString(field(all[I32.parseInt(indices[i])], "action")));
  return rawArray(out);
}

function compensateNext(from: i32): void {
  if (from >= 0) {
    ask(from, true);
    return;
  }
  kvSet("phase", "");
  report(obj().str("pattern", "saga").str("outcome", kvText("comp-failed", "") == "" ? "compensated" : "compensation-failed")
    .raw("completed", actions(kvItems("completed"))).str("failed_step", kvText("failed", "")).raw("reason", kvText("reason", "null"))
    .raw("compensated", actions(kvItems("compensated"))).toString(), PROTOCOL);
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const phase = kvText("phase", "");
  if (phase != "" && irt !== null && irt == kvText("rw", "")) {
    if (p == "agree") return ok();
    if (p != "inform" && !isNegative(p)) return err("saga coordinator expects inform or failure, received " + p);
    const i = <i32>kvNum("step", 0);
    const all = steps();
    if (phase == "running") {
      if (p == "inform") {
        kvPush("completed", i.toString());
        if (i + 1 < all.length) ask(i + 1, false);
        else {
          kvSet("phase", "");
          report(obj().str("pattern", "saga").str("outcome", "committed").raw("completed", actions(kvItems("completed"))).toString(), PROTOCOL);
        }
        return ok();
      }
      kvSet("phase", "compensating");
      kvSet("failed", field(all[i], "action"));
      const reason = msg.content.get("reason");
      kvSet("reason", reason !== null ? reason.raw() : msg.contentJson);
      compensateNext(i - 1);
      return ok();
    }
    // compensating
    if (p == "inform") kvPush("compensated", i.toString());
    else kvSet("comp-failed", field(all[i], "action"));
    compensateNext(i - 1);
    return ok();
  }
  if (p == "request") {
    if (steps().length == 0) {
      reply(msg, "refuse", obj().str("reason", "no steps in config").toString());
      return ok();
    }
    rememberStarter(msg.sender, msg.replyWith, conversation(msg.conversationId, "saga"));
    kvSet("phase", "running");
    kvSet("completed", "[]");
    kvSet("compensated", "[]");
    kvSet("comp-failed", "");
    kvSet("failed", "");
    ask(0, false);
    return ok();
  }
  if (p == "inform" || isNegative(p) || p == "agree") return ok();
  return err("saga coordinator does not understand " + p);
}
