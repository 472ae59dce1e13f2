// Publisher (FIPA Subscribe over a topic node). Subscribers send subscribe {"topic"}; it
// agrees. When "subscribers" of them have subscribed it publishes each of its "events" as
// inform {"topic", "seq", "event"} to topic:<topic>, which fans out to every node wired to
// the topic. A subscriber that has what it wanted sends cancel {"received"}; the publisher
// confirms with inform, and when all have cancelled it reports {"pattern":
// "publish-subscribe", "topic", "subscribers", "events", "delivered"} to "report_to".
// Config: {"topic"?: "news", "events": [...], "subscribers"?: 1, "report_to"?: "you"}.
import { Message, JsonValue, Result, ok, err, reply, obj, kvSet } from "../sdk";
import { Config, sendOne, kvText, kvNum, kvSetNum, stringArray, strings } from "./common/pattern";
import { parseJson, jsonString } from "../sdk";

const PROTOCOL = "fipa-subscribe";
const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  const events = c.get("events");
  if (events !== null && !events.isArray) return err("publisher: \"events\" must be an array");
  return ok();
}

function topic(): string { return cfg.str("topic", "news"); }

function subscribers(): string[] { return strings(parseJson(kvText("subs", "[]"))); }

function publish(conv: string): void {
  const events = cfg.value.get("events");
  const items = events !== null && events.isArray ? events.items! : new Array<JsonValue>();
  for (let i = 0; i < items.length; i++) {
    sendOne("inform", "topic:" + topic(), obj().str("topic", topic()).int("seq", i + 1).raw("event", items[i].raw()).toString(), conv, PROTOCOL, "", "");
  }
  kvSet("phase", "published");
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  const conv = msg.conversationId !== null ? msg.conversationId! : "";
  if (p == "subscribe") {
    const t = msg.content.getString("topic");
    if (t !== null && t != topic()) {
      reply(msg, "refuse", obj().str("reason", "I publish on " + jsonString(topic())).toString());
      return ok();
    }
    const subs = kvText("phase", "") == "open" ? subscribers() : new Array<string>();
    if (subs.length == 0) {
      kvSet("phase", "open");
      kvSetNum("cancelled", 0);
      kvSetNum("delivered", 0);
    }
    if (!subs.includes(msg.sender)) subs.push(msg.sender);
    kvSet("subs", stringArray(subs));
    reply(msg, "agree", obj().str("topic", topic()).toString());
    if (<f64>subs.length == cfg.num("subscribers", 1)) publish(conv);
    return ok();
  }
  if (p == "cancel") {
    reply(msg, "inform", obj().str("topic", topic()).bool("cancelled", true).toString());
    if (kvText("phase", "") != "published" || !subscribers().includes(msg.sender)) return ok();
    const cancelled = kvNum("cancelled", 0) + 1;
    kvSetNum("cancelled", cancelled);
    const got = msg.content.getNumber("received", 0);
    const delivered = kvNum("delivered", 0) + got;
    kvSetNum("delivered", delivered);
    if (cancelled == cfg.num("subscribers", 1)) {
      kvSet("phase", "");
      const events = cfg.value.get("events");
      const n = events !== null && events.isArray ? events.items!.length : 0;
      sendOne("inform", cfg.str("report_to", "you"), obj().str("pattern", "publish-subscribe").str("topic", topic()).num("subscribers", cancelled)
        .int("events", n).num("delivered", delivered).toString(), conv, PROTOCOL, "", "");
    }
    return ok();
  }
  if (p == "inform" || p == "failure" || p == "not-understood" || p == "agree" || p == "refuse") return ok();
  return err("publisher does not understand " + p);
}
