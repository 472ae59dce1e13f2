// Sink: the end of a flow. Collects the informs it receives; when it has `expect` of them
// it reports {"pattern", "received", "items", "result"?} to the content's "origin", or
// config "report_to", or `you`, and starts counting afresh. query-ref -> {"received"}.
// Config: {"pattern"?, "expect"?: 1, "report_to"?}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet } from "../sdk";
import { Config, kvNum, kvSetNum, kvPush, kvItems, rawArray, sendOne } from "./common/pattern";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p == "query-ref") {
    reply(msg, "inform", obj().int("received", <i64>kvNum("count", 0)).toString());
    return ok();
  }
  if (p == "failure" || p == "not-understood" || p == "agree" || p == "refuse") return ok();
  if (p != "inform" && p != "request") return err("sink does not understand " + p);
  const c = msg.content;
  const n = kvNum("count", 0) + 1;
  kvPush("items", msg.contentJson);
  const expect = cfg.num("expect", 1);
  if (n < expect) {
    kvSetNum("count", n);
    return ok();
  }
  const origin = c.getString("origin");
  const to = origin !== null ? origin : cfg.str("report_to", "you");
  const w = obj().str("pattern", cfg.str("pattern", "sink")).num("received", n).raw("items", rawArray(kvItems("items")));
  const value = c.get("value");
  if (value !== null) w.raw("result", value.raw());
  const trace = c.get("trace");
  if (trace !== null) w.raw("trace", trace.raw());
  const conv = msg.conversationId;
  sendOne("inform", to, w.toString(), conv !== null ? conv : "", msg.protocol !== null ? msg.protocol! : "", "", "");
  kvSetNum("count", 0);
  kvSet("items", "[]");
  return ok();
}
