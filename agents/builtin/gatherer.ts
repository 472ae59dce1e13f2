// Scatter-gather. On a request it sends one message (default query-ref with its "content")
// with `reply_by` to all its "targets" at once, counts one answer per target (inform, or
// refuse / failure / not-understood, including the kernel's failure for an unreachable
// target), and reports {"pattern": "scatter-gather", "asked", "replies", "results": {target:
// value | null}, "best": {"from", "value"}, "missing": [...]} where value is each inform's
// "field" (default "value") and the best is the lowest (or with "prefer": "highest", the
// highest) number. At the deadline it reports what it gathered; "missing" names the targets
// that never answered.
// Config: {"targets": [...], "performative"?: "query-ref", "content"?, "field"?, "prefer"?, "deadline_ms"?: 5000}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet } from "../sdk";
import {
  Config, conversation, rememberStarter, report, sendTo, stringArray, kvText, kvNum, kvSetNum, isNegative, answerer,
  armDeadline, deadlineMs, deadlineOf, DEADLINE_PASSED, NOT_A_TIMER,
} from "./common/pattern";
import { parseJson } from "../sdk";

const PROTOCOL = "scatter-gather";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

function finish(targets: string[]): void {
  const highest = cfg.str("prefer", "lowest") == "highest";
  const results = obj();
  let replies = 0;
  let best = "";
  let bestValue: f64 = 0;
  const missing = new Array<string>();
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (kvText("answered:" + t, "") != "yes") missing.push(t);
    const r = kvText("r:" + t, "");
    results.raw(t, r.length > 0 ? r : "null");
    if (r.length == 0) continue;
    replies++;
    const v = parseJson(r);
    if (v === null || !v.isNumber) continue;
    if (best == "" || (highest ? v.num > bestValue : v.num < bestValue)) {
      best = t;
      bestValue = v.num;
    }
  }
  kvSet("phase", "");
  const w = obj().str("pattern", "scatter-gather").int("asked", targets.length).int("replies", replies).raw("results", results.toString());
  if (best != "") w.raw("best", obj().str("from", best).num("value", bestValue).toString());
  else w.null("best");
  report(w.raw("missing", stringArray(missing)).toString(), PROTOCOL);
}

function start(msg: Message, targets: string[]): Result {
  if (targets.length == 0) {
    reply(msg, "refuse", obj().str("reason", "no targets in config").toString());
    return ok();
  }
  const conv = conversation(msg.conversationId, "sg");
  rememberStarter(msg.sender, msg.replyWith, conv);
  for (let i = 0; i < targets.length; i++) {
    kvSet("r:" + targets[i], "");
    kvSet("answered:" + targets[i], "");
  }
  kvSetNum("answers", 0);
  kvSet("phase", "gathering");
  const rw = conv + "-scatter";
  kvSet("rw", rw);
  const given = msg.content.get("content");
  const replyBy = armDeadline(rw, deadlineMs(cfg));
  sendTo(cfg.str("performative", "query-ref"), stringArray(targets), given !== null ? given.raw() : cfg.raw("content", "null"), conv, PROTOCOL, rw, "", replyBy);
  return ok();
}

export function handle(msg: Message): Result {
  const targets = cfg.names("targets");
  const timer = deadlineOf(msg);
  if (timer != NOT_A_TIMER) {
    if (timer == DEADLINE_PASSED && kvText("phase", "") == "gathering") finish(targets);
    return ok();
  }
  const p = msg.performative;
  const irt = msg.inReplyTo;
  if (kvText("phase", "") == "gathering" && irt !== null && irt == kvText("rw", "")) {
    const who = answerer(msg.sender, msg.content);
    if (!targets.includes(who) || kvText("answered:" + who, "") == "yes") return ok();
    if (p == "agree") return ok();
    kvSet("answered:" + who, "yes");
    if (p == "inform") {
      const v = msg.content.get(cfg.str("field", "value"));
      kvSet("r:" + who, v !== null ? v.raw() : msg.contentJson);
    }
    const answers = kvNum("answers", 0) + 1;
    kvSetNum("answers", answers);
    if (<i32>answers == targets.length) finish(targets);
    return ok();
  }
  if (p == "request") return start(msg, targets);
  if (p == "inform" || isNegative(p) || p == "agree") return ok();
  return err("scatter-gather does not understand " + p);
}
