// Contract-net manager (FIPA Contract Net). On a request it sends cfp {"task"} with
// `reply_by` to its participants, counts their answers (propose / refuse / failure, one
// each), awards the task to the best proposal (lowest price; ties go to the first in config
// order) with accept-proposal, sends reject-proposal to the other bidders, and when the
// winner informs that the task is done (or fails) reports {"pattern": "contract-net",
// "winner", "price", "task": "done" | "failed" | "not-awarded", "bids", "missing"} to
// whoever asked. A participant silent at the deadline costs one deadline: the manager
// awards among the bids it has (or reports not-awarded) and names it in "missing"; a
// winner silent at the deadline makes the task "failed" with reason "timeout".
// Config: {"participants": [...], "task"?: any, "prefer"?: "lowest" | "highest", "deadline_ms"?: 5000}.
import { Message, JsonValue, ObjectWriter, Result, ok, err, reply, obj, kvSet, jsonNumber, jsonString } from "../sdk";
import {
  Config, conversation, rememberStarter, report, sendOne, sendTo, stringArray, kvText, kvNum, kvSetNum, isNegative, answerer,
  armDeadline, deadlineMs, deadlineOf, DEADLINE_PASSED, NOT_A_TIMER, timeoutReason, isKernelTimeout,
} from "./common/pattern";

const PROTOCOL = "fipa-contract-net";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

function start(msg: Message): Result {
  const participants = cfg.names("participants");
  if (participants.length == 0) {
    reply(msg, "refuse", obj().str("reason", "no participants in config").toString());
    return ok();
  }
  const given = msg.content.get("task");
  const task = given !== null ? given.raw() : cfg.raw("task", "\"task\"");
  const conv = conversation(msg.conversationId, "cnet");
  rememberStarter(msg.sender, msg.replyWith, conv);
  for (let i = 0; i < participants.length; i++) {
    kvSet("bid:" + participants[i], "");
    kvSet("answered:" + participants[i], "");
  }
  kvSet("task", task);
  kvSet("answers", "0");
  kvSet("missing", "[]");
  kvSet("phase", "bidding");
  const rw = conv + "-cfp";
  kvSet("cfp", rw);
  const replyBy = armDeadline(rw, deadlineMs(cfg));
  sendTo("cfp", stringArray(participants), obj().raw("task", task).toString(), conv, PROTOCOL, rw, "", replyBy);
  return ok();
}

function bids(participants: string[]): string {
  const w = obj();
  for (let i = 0; i < participants.length; i++) {
    const b = kvText("bid:" + participants[i], "");
    w.raw(participants[i], b.length > 0 ? b : "null");
  }
  return w.toString();
}

/** The head of every final report. */
function summary(): ObjectWriter {
  return obj().str("pattern", "contract-net");
}

function bestBidder(participants: string[]): string {
  const highest = cfg.str("prefer", "lowest") == "highest";
  let winner = "";
  let best: f64 = 0;
  for (let i = 0; i < participants.length; i++) {
    const b = kvText("bid:" + participants[i], "");
    if (b.length == 0) continue;
    const price = parseFloat(b);
    if (winner == "" || (highest ? price > best : price < best)) {
      winner = participants[i];
      best = price;
    }
  }
  return winner;
}

function award(participants: string[]): void {
  const silent = new Array<string>();
  for (let i = 0; i < participants.length; i++) if (kvText("answered:" + participants[i], "") != "yes") silent.push(participants[i]);
  kvSet("missing", stringArray(silent));
  const winner = bestBidder(participants);
  const conv = kvText("conv", "");
  if (winner == "") {
    kvSet("phase", "");
    report(summary().null("winner").str("task", "not-awarded").raw("bids", bids(participants)).raw("missing", kvText("missing", "[]")).toString(), PROTOCOL);
    return;
  }
  const best = parseFloat(kvText("bid:" + winner, "0"));
  kvSet("phase", "awarded");
  kvSet("winner", winner);
  const task = kvText("task", "null");
  const replyBy = armDeadline(conv + "-award", deadlineMs(cfg));
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i];
    if (kvText("bid:" + p, "").length == 0) continue;
    const proposal = kvText("proposal:" + p, "");
    if (p == winner) sendOne("accept-proposal", p, obj().raw("task", task).num("price", best).toString(), conv, PROTOCOL, conv + "-award", proposal, replyBy);
    else sendOne("reject-proposal", p, obj().str("reason", "another proposal won").num("winning_price", best).toString(), conv, PROTOCOL, "", proposal);
  }
}

/** The winner answered (inform: done; failure or the like: failed) or went silent (reasonJson). */
function finish(participants: string[], done: bool, resultJson: string, reasonJson: string): void {
  const winner = kvText("winner", "");
  kvSet("phase", "");
  const w = summary().str("winner", winner).num("price", parseFloat(kvText("bid:" + winner, "0")))
    .str("task", done ? "done" : "failed").raw("bids", bids(participants)).raw("missing", kvText("missing", "[]"));
  if (done && resultJson.length > 0) w.raw("result", resultJson);
  if (!done) w.raw("reason", reasonJson);
  report(w.toString(), PROTOCOL);
}

function onProposal(msg: Message, participants: string[]): Result {
  const p = msg.performative;
  const who = answerer(msg.sender, msg.content);
  if (!participants.includes(who) || kvText("answered:" + who, "") == "yes") return ok();
  if (p != "propose" && !isNegative(p)) return err("contract-net manager expects propose or refuse to its cfp, received " + p);
  kvSet("answered:" + who, "yes");
  if (p == "propose") {
    const price = msg.content.getNumber("price");
    if (!isNaN(price)) {
      kvSet("bid:" + who, jsonNumber(price));
      const rw = msg.replyWith;
      kvSet("proposal:" + who, rw !== null ? rw : "");
    }
  }
  const answers = kvNum("answers", 0) + 1;
  kvSetNum("answers", answers);
  if (<i32>answers == participants.length) award(participants);
  return ok();
}

function onDeadline(participants: string[]): void {
  const phase = kvText("phase", "");
  if (phase == "bidding") award(participants);
  else if (phase == "awarded") {
    const winner = kvText("winner", "");
    finish(participants, false, "", timeoutReason("[" + jsonString(winner) + "]"));
  }
}

export function handle(msg: Message): Result {
  const participants = cfg.names("participants");
  const timer = deadlineOf(msg);
  if (timer != NOT_A_TIMER) {
    if (timer == DEADLINE_PASSED) onDeadline(participants);
    return ok();
  }
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const phase = kvText("phase", "");
  if (phase == "bidding" && irt !== null && irt == kvText("cfp", "")) return onProposal(msg, participants);
  if (phase == "awarded" && irt !== null && irt == kvText("conv", "") + "-award") {
    if (answerer(msg.sender, msg.content) != kvText("winner", "")) return ok();
    if (p != "inform" && !isNegative(p)) return err("contract-net manager expects inform or failure from the winner, received " + p);
    const r = msg.content.get("result");
    // The kernel's timeout (reply_by passed) and our own deadline read the same.
    const reason = isKernelTimeout(msg) ? timeoutReason("[" + jsonString(kvText("winner", "")) + "]") : msg.contentJson;
    finish(participants, p == "inform", r !== null ? r.raw() : "", reason);
    return ok();
  }
  if (p == "request") return start(msg);
  if (p == "propose" || p == "inform" || isNegative(p) || p == "agree") return ok(); // late or stray
  return err("contract-net manager does not understand " + p);
}
