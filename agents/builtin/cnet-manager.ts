// Contract-net manager (FIPA Contract Net). On a request it sends cfp {"task"} to its
// participants, counts their answers (propose / refuse / failure, one each), awards the
// task to the best proposal (lowest price; ties go to the first in config order) with
// accept-proposal, sends reject-proposal to the other bidders, and when the winner informs
// that the task is done (or fails) reports {"pattern": "contract-net", "winner", "price",
// "task": "done" | "failed" | "not-awarded", "bids"} to whoever asked.
// Config: {"participants": [...], "task"?: any, "prefer"?: "lowest" | "highest"}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet, jsonNumber } from "../sdk";
import { Config, conversation, rememberStarter, report, sendOne, sendTo, stringArray, kvText, kvNum, kvSetNum, isNegative, answerer } from "./common/pattern";

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
  kvSet("phase", "bidding");
  kvSet("cfp", conv + "-cfp");
  sendTo("cfp", stringArray(participants), obj().raw("task", task).toString(), conv, PROTOCOL, conv + "-cfp", "");
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

function award(participants: string[]): void {
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
  const conv = kvText("conv", "");
  if (winner == "") {
    kvSet("phase", "");
    report(obj().str("pattern", "contract-net").null("winner").str("task", "not-awarded").raw("bids", bids(participants)).toString(), PROTOCOL);
    return;
  }
  kvSet("phase", "awarded");
  kvSet("winner", winner);
  const task = kvText("task", "null");
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i];
    const b = kvText("bid:" + p, "");
    if (b.length == 0) continue;
    const proposal = kvText("proposal:" + p, "");
    if (p == winner) sendOne("accept-proposal", p, obj().raw("task", task).num("price", best).toString(), conv, PROTOCOL, conv + "-award", proposal);
    else sendOne("reject-proposal", p, obj().str("reason", "another proposal won").num("winning_price", best).toString(), conv, PROTOCOL, "", proposal);
  }
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const phase = kvText("phase", "");
  const participants = cfg.names("participants");
  if (phase == "bidding" && irt !== null && irt == kvText("cfp", "")) {
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
  if (phase == "awarded" && irt !== null && irt == kvText("conv", "") + "-award") {
    const winner = kvText("winner", "");
    if (answerer(msg.sender, msg.content) != winner) return ok();
    if (p != "inform" && !isNegative(p)) return err("contract-net manager expects inform or failure from the winner, received " + p);
    kvSet("phase", "");
    const w = obj().str("pattern", "contract-net").str("winner", winner).num("price", parseFloat(kvText("bid:" + winner, "0")))
      .str("task", p == "inform" ? "done" : "failed").raw("bids", bids(participants));
    if (p == "inform") {
      const r = msg.content.get("result");
      if (r !== null) w.raw("result", r.raw());
    } else w.raw("reason", msg.contentJson);
    report(w.toString(), PROTOCOL);
    return ok();
  }
  if (p == "request") return start(msg);
  if (p == "propose" || p == "inform" || isNegative(p) || p == "agree") return ok(); // late or stray
  return err("contract-net manager does not understand " + p);
}
