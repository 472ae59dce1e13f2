// Subscriber. request {"action": "subscribe"} -> subscribe {"topic"} to its "publisher";
// then it collects the informs published on the topic, and once it has "expect" events it
// cancels the subscription with cancel {"topic", "received", "events"}.
// query-ref -> inform {"received", "events"}.
// Config: {"publisher", "topic"?: "news", "expect"?: 1}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet } from "../sdk";
import { Config, sendOne, kvNum, kvSetNum, kvPush, kvItems, rawArray, kvText } from "./common/pattern";

const PROTOCOL = "fipa-subscribe";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  return ok();
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const c = msg.content;
  if (p == "request") {
    const action = c.getString("action");
    const publisher = cfg.str("publisher", "");
    if (action != "subscribe" || publisher == "") return err("subscriber expects {\"action\": \"subscribe\"} and a \"publisher\" in its config");
    const conv = msg.conversationId !== null ? msg.conversationId! : "";
    kvSetNum("received", 0);
    kvSet("events", "[]");
    kvSet("conv", conv);
    kvSet("state", "subscribing");
    sendOne("subscribe", publisher, obj().str("topic", cfg.str("topic", "news")).toString(), conv, PROTOCOL, conv + "-sub", "");
    return ok();
  }
  if (p == "query-ref") {
    reply(msg, "inform", obj().num("received", kvNum("received", 0)).raw("events", rawArray(kvItems("events"))).toString());
    return ok();
  }
  if (p == "agree") {
    if (kvText("state", "") == "subscribing") kvSet("state", "subscribed");
    return ok();
  }
  if (p == "inform") {
    const event = c.get("event");
    const state = kvText("state", "");
    // An event may overtake the agree on a slow link; the cancel's confirmation has no event.
    if (event === null || (state != "subscribed" && state != "subscribing")) return ok();
    const n = kvNum("received", 0) + 1;
    kvSetNum("received", n);
    kvPush("events", event.raw());
    if (n >= cfg.num("expect", 1)) {
      kvSet("state", "cancelled");
      sendOne("cancel", cfg.str("publisher", msg.sender), obj().str("topic", cfg.str("topic", "news")).num("received", n).raw("events", rawArray(kvItems("events"))).toString(),
        kvText("conv", ""), PROTOCOL, "", kvText("conv", "") + "-sub");
    }
    return ok();
  }
  if (p == "failure" || p == "not-understood" || p == "refuse") {
    kvSet("state", "");
    return ok();
  }
  return err("subscriber does not understand " + p);
}
