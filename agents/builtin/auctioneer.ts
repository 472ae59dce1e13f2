// Auctioneer (English auction). On a request it runs rounds: cfp {"item", "price", "round"}
// with `reply_by` to the bidders still in; each answers propose (takes the price) or refuse
// (drops out). A bidder silent at the round's deadline has dropped out: the round closes
// with the answers it has, and the report names the silent ones in "missing".
// When every answer of a round is in: two or more takers -> the price rises by
// "increment" for them; one taker -> it wins at this price; none -> the first taker of the
// previous round (config order) wins at the previous price, or, in round 1, no sale.
// The winner gets accept-proposal, the others who bid reject-proposal; when the winner
// confirms with inform (or not by the deadline: "sold": false), {"pattern": "english-auction",
// "item", "winner", "price", "rounds", "sold", "missing"} goes to whoever asked.
// Config: {"item", "bidders": [...], "start"?: 10, "increment"?: 5, "max_rounds"?: 100, "deadline_ms"?: 5000}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet, ObjectWriter } from "../sdk";
import {
  Config, conversation, rememberStarter, report, sendOne, sendTo, strings, stringArray, kvText, kvNum, kvSetNum, isNegative, answerer,
  armDeadline, deadlineMs, deadlineOf, DEADLINE_PASSED, NOT_A_TIMER,
} from "./common/pattern";
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
  const replyBy = armDeadline(rw, deadlineMs(cfg));
  sendTo("cfp", stringArray(names), obj().raw("item", item()).num("price", price).num("round", r).toString(), conv, PROTOCOL, rw, "", replyBy);
}

/** The head of every final report. */
function summary(): ObjectWriter {
  return obj().str("pattern", "english-auction").raw("item", item());
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
  kvSet("missing", "[]");
  round(bidders, 1, cfg.num("start", 10));
  return ok();
}

function inOrder(names: string[]): string[] {
  const bidders = cfg.names("bidders");
  const out = new Array<string>();
  for (let i = 0; i < bidders.length; i++) if (names.includes(bidders[i])) out.push(bidders[i]);
  return out;
}

function without(names: string[], gone: string[]): string[] {
  const out = new Array<string>();
  for (let i = 0; i < names.length; i++) if (!gone.includes(names[i])) out.push(names[i]);
  return out;
}

function sell(winner: string, price: f64, losers: string[]): void {
  const conv = kvText("conv", "");
  kvSet("phase", "sold");
  kvSet("winner", winner);
  kvSetNum("final", price);
  const replyBy = armDeadline(conv + "-sold", deadlineMs(cfg));
  sendOne("accept-proposal", winner, obj().raw("item", item()).num("price", price).toString(), conv, PROTOCOL, conv + "-sold", kvText("proposal:" + winner, ""), replyBy);
  for (let i = 0; i < losers.length; i++) {
    if (losers[i] == winner) continue;
    sendOne("reject-proposal", losers[i], obj().raw("item", item()).str("winner", winner).num("price", price).toString(), conv, PROTOCOL, "", kvText("proposal:" + losers[i], ""));
  }
}

/** Bidders of this round who never answered: out of the auction, and named in the report. */
function noteSilent(): void {
  const active = kvNames("active");
  const answered = kvNames("answered");
  const missing = kvNames("missing");
  for (let i = 0; i < active.length; i++) if (!answered.includes(active[i]) && !missing.includes(active[i])) missing.push(active[i]);
  kvSet("missing", stringArray(missing));
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
    // Everyone dropped out: the previous round's first taker who is still answering wins.
    const prev = without(kvNames("prev-takers"), kvNames("missing"));
    if (prev.length == 0) {
      kvSet("phase", "");
      report(summary().null("winner").bool("sold", false).num("rounds", r).raw("missing", kvText("missing", "[]")).toString(), PROTOCOL);
    } else {
      sell(prev[0], kvNum("prev-price", 0), prev);
    }
  }
}

/** The winner confirmed (inform), declined, or stayed silent past the deadline. */
function finish(sold: bool): void {
  kvSet("phase", "");
  report(summary().str("winner", kvText("winner", "")).num("price", kvNum("final", 0))
    .num("rounds", kvNum("round", 1)).bool("sold", sold).raw("missing", kvText("missing", "[]")).toString(), PROTOCOL);
}

function onDeadline(): void {
  const phase = kvText("phase", "");
  if (phase == "bidding") {
    noteSilent();
    closeRound();
  } else if (phase == "sold") {
    finish(false);
  }
}

function onBid(msg: Message): Result {
  const p = msg.performative;
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

export function handle(msg: Message): Result {
  const timer = deadlineOf(msg);
  if (timer != NOT_A_TIMER) {
    if (timer == DEADLINE_PASSED) onDeadline();
    return ok();
  }
  const p = msg.performative;
  const irt = msg.inReplyTo;
  const phase = kvText("phase", "");
  if (phase == "bidding" && irt !== null && irt == kvText("rw", "")) return onBid(msg);
  if (phase == "sold" && irt !== null && irt == kvText("conv", "") + "-sold") {
    if (answerer(msg.sender, msg.content) == kvText("winner", "")) finish(p == "inform");
    return ok();
  }
  if (p == "request") return start(msg);
  if (p == "propose" || p == "inform" || isNegative(p) || p == "agree") return ok();
  return err("auctioneer does not understand " + p);
}
