// Bidder: a participant in a contract net or an English auction.
// Contract net: cfp {"task"} -> propose {"price"} (its config "price") or refuse; on
// accept-proposal it performs the task -> inform {"task": "done", "result"} (or failure
// with config {"fail_task": true}); reject-proposal is accepted silently.
// Auction: cfp {"item", "price"} -> propose {"price"} while the price is within its private
// "limit", else refuse; accept-proposal -> inform {"won": item, "price"}.
// Config: {"price"?: 10, "limit"?: 0, "refuse"?: bool, "fail_task"?: bool}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet, jsonNumber } from "../sdk";
import { Config, sendOne, kvNum, kvSetNum } from "./common/pattern";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

function propose(msg: Message, price: f64, about: string, aboutJson: string): void {
  const n = kvNum("proposals", 0) + 1;
  kvSetNum("proposals", n);
  const conv = msg.conversationId;
  const protocol = msg.protocol;
  sendOne("propose", msg.sender, obj().num("price", price).raw(about, aboutJson).toString(),
    conv !== null ? conv : "", protocol !== null ? protocol : "", "proposal-" + jsonNumber(n), msg.replyWith !== null ? msg.replyWith! : "");
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const c = msg.content;
  if (p == "cfp") {
    const task = c.get("task");
    if (task !== null) {
      if (cfg.flag("refuse")) reply(msg, "refuse", obj().str("reason", "not taking tasks").toString());
      else propose(msg, cfg.num("price", 10), "task", task.raw());
      return ok();
    }
    const ask = c.getNumber("price");
    if (isNaN(ask)) return err("bidder expects a cfp with {\"task\"} or {\"price\"}");
    const item = c.get("item");
    if (ask <= cfg.num("limit", 0)) propose(msg, ask, "item", item !== null ? item.raw() : "null");
    else reply(msg, "refuse", obj().str("reason", "price above my limit").num("price", ask).toString());
    return ok();
  }
  if (p == "accept-proposal") {
    const task = c.get("task");
    kvSet("last", "accepted");
    if (task !== null) {
      if (cfg.flag("fail_task")) reply(msg, "failure", obj().raw("task", task.raw()).str("reason", "could not perform the task").toString());
      else reply(msg, "inform", obj().str("task", "done").raw("result", obj().raw("task", task.raw()).num("price", c.getNumber("price")).toString()).toString());
      return ok();
    }
    const item = c.get("item");
    reply(msg, "inform", obj().raw("won", item !== null ? item.raw() : "null").num("price", c.getNumber("price")).toString());
    return ok();
  }
  if (p == "reject-proposal") {
    kvSet("last", "rejected");
    return ok();
  }
  if (p == "inform" || p == "failure" || p == "not-understood" || p == "agree" || p == "refuse") return ok();
  return err("bidder does not understand " + p);
}
