// Auctioneer (English auction). On a request it runs rounds: cfp {"item", "price", "round"}
// to the bidders still in; each answers propose (takes the price) or refuse (drops out).
// When every answer of a round is in: two or more takers -> the price rises by
// "increment" for them; one taker -> it wins at this price; none -> the first taker of the
// previous round (config order) wins at the previous price, or, in round 1, no sale.
// The winner gets accept-proposal, the others who bid reject-proposal; when the winner
// confirms with inform, {"pattern": "english-auction", "item", "winner", "price", "rounds",
// "sold"} goes to whoever asked.
// Config: {"item", "bidders": [...], "start"?: 10, "increment"?: 5, "max_rounds"?: 100}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet } from "../sdk";
import { Config, conversation, rememberStarter, report, sendOne, sendTo, strings, stringArray, kvText, kvNum, kvSetNum, isNegative, answerer } from "./common/pattern";
import { parseJson, jsonNumber } from "../sdk";

const PROTOCOL = "fipa-english-auction";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

function kvNames(key: string): string[] {
  const s = kvText(key, "[]");
  return strings(parseJson(s));
}

function item(): string { return cfg.raw("item", "\"item\""); }

function round(names: string[], r: f64, price: f64): void {
  const conv = kvText("conv", "");
  const rw = conv + "-r" + jsonNumber(r);
  kvSet("active", stringArray(names));
  kvSet("takers", "[]");
  kvSet("answered", "[]");
  kvSetNum("round", r);
  kvSetNum("price", price);
  kvSet("rw", rw);
  sendTo("cfp", stringArray(names), obj().raw("item", item()).num("price", price).num("round", r).toString(), conv, PROTOCOL, rw, "");
}

function start(msg: Message): Result {
  const bidders = cfg.names("bidders");
  if (bidders.length == 0) {
    reply(msg, "refuse", obj().str("reason", "no bidders in config").toString());
    return ok();
  }
  rememberStarter(msg.sender, msg.replyWith, conversation(msg.conversationId, "auction"));
  kvSet("phase", "bidding");
  kvSet("prev-takers", "[]");
  round(bidders, 1, cfg.num("start", 10));
  return ok();
}

function inOrder(names: string[]): string[] {
  const bidders = cfg.names("bidders");
  const out = new Array<string>();
  for (let i = 0; i < bidders.length; i++) if (names.includes(bidders[i])) out.push(bidders[i]);
  return out;
}

function sell(winner: string, price: f64, losers: string[]): void {
  const conv = kvText("conv", "");
  kvSet("phase", "sold");
  kvSet("winner", winner);
  kvSetNum("final", price);
  sendOne("accept-proposal", winner, obj().raw("item", item()).num("price", price).toString(), conv, PROTOCOL, conv + "-sold", kvText("proposal:" + winner, ""));
  for (let i = 0; i < losers.length; i++) {
    if (losers[i] == winner) continue;
    sendOne("reject-proposal", losers[i], obj().raw("item", item()).str("winner", winner).num("price", price).toString(), conv, PROTOCOL, "", kvText("proposal:" + losers[i], ""));
  }
}

function closeRound(): void {
  const takers = inOrder(kvNames("takers"));
  const r = kvNum("round", 1);
  const price = kvNum("price", 0);
  if (takers.length >= 2 && r < cfg.num("max_rounds", 100)) {
    kvSet("prev-takers", stringArray(takers));
    kvSetNum("prev-price", price);
    round(takers, r + 1, price + cfg.num("increment", 5));
  } else if (takers.length >= 1) {
    sell(takers[0], price, takers);
  } else {
    const prev = kvNames("prev-takers");
    if (prev.length == 0) {
      kvSet("phase", "");
      report(obj().str("pattern", "english-auction").raw("item", item()).null("winner").bool("sold", false).num("rounds", r).toString(), PROTOCOL);
    } else {
      sell(prev[0], kvNum("prev-price", 0), prev);
    }
  }
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const phase = kvText("phase", "");
  if (phase == "bidding" && irt !== null && irt == kvText("rw", "")) {
    const who = answerer(msg.sender, msg.content);
    const active = kvNames("active");
    const answered = kvNames("answered");
    if (!active.includes(who) || answered.includes(who)) return ok();
    if (p != "propose" && !isNegative(p)) return err("auctioneer expects propose or refuse to its cfp, received " + p);
    answered.push(who);
    kvSet("answered", stringArray(answered));
    if (p == "propose" && msg.content.getNumber("price") >= kvNum("price", 0)) {
      const takers = kvNames("takers");
      takers.push(who);
      kvSet("takers", stringArray(takers));
      const rw = msg.replyWith;
      kvSet("proposal:" + who, rw !== null ? rw : "");
    }
    if (answered.length == active.length) closeRound();
    return ok();
  }
  if (phase == "sold" && irt !== null && irt == kvText("conv", "") + "-sold") {
    const winner = kvText("winner", "");
    if (answerer(msg.sender, msg.content) != winner) return ok();
    kvSet("phase", "");
    report(obj().str("pattern", "english-auction").raw("item", item()).str("winner", winner).num("price", kvNum("final", 0))
      .num("rounds", kvNum("round", 1)).bool("sold", p == "inform").toString(), PROTOCOL);
    return ok();
  }
  if (p == "request") return start(msg);
  if (p == "propose" || p == "inform" || isNegative(p) || p == "agree") return ok();
  return err("auctioneer does not understand " + p);
}
