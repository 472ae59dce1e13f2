// Requester: starts one interaction with another agent when asked, and reports the outcome
// to whoever asked. request -> (agree) -> inform (request-response), query-ref -> inform
// (query), or with {"await": false} `count` messages that expect no reply (fire-and-forget).
// Config: {"to", "performative"?, "content"?, "count"?, "await"?, "pattern"?}; a start
// request's content may override "to", "performative" and "content".
import { Message, JsonValue, Result, ok, err, reply, obj, kvGet, kvSet } from "../sdk";
import { Config, conversation, rememberStarter, report, reportAs, sendOne, kvText, isNegative } from "./common/pattern";

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
  sendOne(performative, to, content, conv, protocolFor(performative), rw, "");
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const busy = kvGet("busy");
  if (irt !== null && busy !== null && busy.length > 0 && irt == busy) {
    if (p == "agree") {
      kvSet("agreed", "true");
      return ok();
    }
    const performative = kvText("performative", "request");
    const head = obj().str("pattern", patternFor(performative)).str("to", kvText("to", "")).str("performative", performative).raw("request", kvText("ask", "null")).raw("agreed", kvText("agreed", "false"));
    kvSet("busy", "");
    if (p == "inform") {
      report(head.raw("result", msg.contentJson).toString(), protocolFor(performative));
      return ok();
    }
    if (isNegative(p)) {
      // The requester is a proxy: a refusal or failure is passed on as a failure.
      reportAs("failure", head.str("answer", p).raw("reason", msg.contentJson).toString(), protocolFor(performative));
      return ok();
    }
  }
  if (p == "request") return start(msg);
  if (p == "inform" || p == "agree" || isNegative(p)) return ok(); // late or stray answers
  return err("requester does not understand " + p);
}
