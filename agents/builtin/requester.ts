// Requester: starts one interaction with another agent when asked, and reports the outcome
// to whoever asked. request -> (agree) -> inform (request-response), query-ref -> inform
// (query), or with {"await": false} `count` messages that expect no reply (fire-and-forget).
// An awaited request carries `reply_by`; no answer by then (a wake-up of its own, or the
// kernel's timeout failure, whichever comes first) is reported as a failure with
// "answer": "timeout".
// Config: {"to", "performative"?, "content"?, "count"?, "await"?, "pattern"?, "deadline_ms"?: 5000};
// a start request's content may override "to", "performative" and "content".
import { Message, JsonValue, Result, ok, err, reply, obj, kvGet, kvSet, ObjectWriter, jsonString } from "../sdk";
import {
  Config, conversation, rememberStarter, report, reportAs, sendOne, kvText, isNegative,
  armDeadline, deadlineMs, deadlineOf, DEADLINE_PASSED, NOT_A_TIMER, timeoutReason, isKernelTimeout,
} from "./common/pattern";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

function pick(start: JsonValue, key: string): JsonValue | null {
  const v = start.get(key);
  return v !== null ? v : cfg.value.get(key);
}

function protocolFor(performative: string): string {
  if (performative == "request") return "fipa-request";
  if (performative == "query-ref" || performative == "query-if") return "fipa-query";
  return "";
}

function patternFor(performative: string): string {
  return cfg.str("pattern", performative == "request" ? "request-response" : performative.startsWith("query") ? "query" : "fire-and-forget");
}

function start(msg: Message): Result {
  const c = msg.content;
  const toV = pick(c, "to");
  if (toV === null || !toV.isString) {
    reply(msg, "refuse", obj().str("reason", "requester needs \"to\" (an agent name) in its config or the request").toString());
    return ok();
  }
  const pv = pick(c, "performative");
  const performative = pv !== null && pv.isString ? pv.str : "request";
  const cv = pick(c, "content");
  const content = cv !== null ? cv.raw() : "null";
  const conv = conversation(msg.conversationId, "rq");
  rememberStarter(msg.sender, msg.replyWith, conv);
  const to = toV.str;
  const pattern = patternFor(performative);
  const waitV = cfg.value.get("await");
  if (waitV !== null && waitV.isBool && !waitV.bool) {
    const count = <i32>cfg.num("count", 1);
    for (let i = 1; i <= count; i++) {
      sendOne(performative, to, obj().int("seq", i).raw("data", content).toString(), conv, cfg.str("protocol", ""), "", "");
    }
    kvSet("busy", "");
    report(obj().str("pattern", pattern).str("to", to).int("sent", count).toString(), "");
    return ok();
  }
  const rw = conv + "-q";
  kvSet("busy", rw);
  kvSet("to", to);
  kvSet("performative", performative);
  kvSet("ask", content);
  kvSet("agreed", "false");
  const replyBy = armDeadline(rw, deadlineMs(cfg));
  sendOne(performative, to, content, conv, protocolFor(performative), rw, "", replyBy);
  return ok();
}

/** What every outcome report starts with: the request and whether it was agreed to. */
function head(): ObjectWriter {
  const performative = kvText("performative", "request");
  return obj().str("pattern", patternFor(performative)).str("to", kvText("to", "")).str("performative", performative)
    .raw("request", kvText("ask", "null")).raw("agreed", kvText("agreed", "false"));
}

/** The awaited answer (or its absence) ends the interaction. */
function onAnswer(msg: Message): void {
  const p = msg.performative;
  const protocol = protocolFor(kvText("performative", "request"));
  const w = head();
  kvSet("busy", "");
  if (p == "inform") report(w.raw("result", msg.contentJson).toString(), protocol);
  else if (isKernelTimeout(msg)) reportAs("failure", w.str("answer", "timeout").raw("reason", timeoutReason("[" + jsonString(kvText("to", "")) + "]")).toString(), protocol);
  // The requester is a proxy: a refusal or failure is passed on as a failure.
  else reportAs("failure", w.str("answer", p).raw("reason", msg.contentJson).toString(), protocol);
}

function onDeadline(): void {
  const to = kvText("to", "");
  const protocol = protocolFor(kvText("performative", "request"));
  const w = head().str("answer", "timeout").raw("reason", timeoutReason("[" + jsonString(to) + "]"));
  kvSet("busy", "");
  reportAs("failure", w.toString(), protocol);
}

export function handle(msg: Message): Result {
  const timer = deadlineOf(msg);
  if (timer != NOT_A_TIMER) {
    const busy = kvGet("busy");
    if (timer == DEADLINE_PASSED && busy !== null && busy.length > 0) onDeadline();
    return ok();
  }
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const busy = kvGet("busy");
  if (irt !== null && busy !== null && busy.length > 0 && irt == busy) {
    if (p == "agree") {
      kvSet("agreed", "true");
      return ok();
    }
    if (p == "inform" || isNegative(p)) {
      onAnswer(msg);
      return ok();
    }
  }
  if (p == "request") return start(msg);
  if (p == "inform" || p == "agree" || isNegative(p)) return ok(); // late or stray answers
  return err("requester does not understand " + p);
}
