// Saga coordinator. On a request it runs its steps one at a time: request {"action"} to
// the step's agent, then waits for inform (done; agree is noted) or failure / refuse /
// not-understood. If a step fails, the completed steps are compensated in reverse order
// with request {"action": compensation, "compensates": action}, each awaited before the
// next. Then {"pattern": "saga", "outcome": "committed" | "compensated" |
// "compensation-failed", "completed", "failed_step"?, "reason"?, "compensated"?} goes to
// whoever asked. Every request carries `reply_by`: a step silent at the deadline has failed
// (reason {"reason": "timeout", "missing": [agent]}), a compensation silent at the deadline
// has failed, and the saga goes on.
// Config: {"steps": [{"agent", "action", "compensation"}, ...], "deadline_ms"?: 5000}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet, jsonString } from "../sdk";
import {
  Config, conversation, rememberStarter, report, sendOne, kvText, kvNum, kvSetNum, kvPush, kvItems, rawArray, isNegative,
  armDeadline, deadlineMs, deadlineOf, DEADLINE_PASSED, NOT_A_TIMER, timeoutReason, isKernelTimeout,
} from "./common/pattern";

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
  const replyBy = armDeadline(rw, deadlineMs(cfg));
  sendOne("request", field(step, "agent"), content, conv, PROTOCOL, rw, "", replyBy);
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

/** Step `i` answered: done (inform) or failed (`reasonJson`, from a failure or a deadline). */
function onStepOutcome(i: i32, done: bool, reasonJson: string): void {
  const all = steps();
  if (kvText("phase", "") == "running") {
    if (done) {
      kvPush("completed", i.toString());
      if (i + 1 < all.length) ask(i + 1, false);
      else {
        kvSet("phase", "");
        report(obj().str("pattern", "saga").str("outcome", "committed").raw("completed", actions(kvItems("completed"))).toString(), PROTOCOL);
      }
      return;
    }
    kvSet("phase", "compensating");
    kvSet("failed", field(all[i], "action"));
    kvSet("reason", reasonJson);
    compensateNext(i - 1);
    return;
  }
  // compensating
  if (done) kvPush("compensated", i.toString());
  else kvSet("comp-failed", field(all[i], "action"));
  compensateNext(i - 1);
}

/** The reason of a step (or compensation) that stayed silent past its deadline. */
function stepTimeout(): string {
  return timeoutReason("[" + jsonString(field(steps()[<i32>kvNum("step", 0)], "agent")) + "]");
}

function start(msg: Message): Result {
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

export function handle(msg: Message): Result {
  const timer = deadlineOf(msg);
  if (timer != NOT_A_TIMER) {
    if (timer == DEADLINE_PASSED && kvText("phase", "") != "") onStepOutcome(<i32>kvNum("step", 0), false, stepTimeout());
    return ok();
  }
  const p = msg.performative;
  const irt = msg.inReplyTo;
  if (kvText("phase", "") != "" && irt !== null && irt == kvText("rw", "")) {
    if (p == "agree") return ok();
    if (p != "inform" && !isNegative(p)) return err("saga coordinator expects inform or failure, received " + p);
    const reason = msg.content.get("reason");
    // The kernel's timeout (reply_by passed) and our own deadline read the same.
    const why = isKernelTimeout(msg) ? stepTimeout() : reason !== null ? reason.raw() : msg.contentJson;
    onStepOutcome(<i32>kvNum("step", 0), p == "inform", why);
    return ok();
  }
  if (p == "request") return start(msg);
  if (p == "inform" || isNegative(p) || p == "agree") return ok();
  return err("saga coordinator does not understand " + p);
}
