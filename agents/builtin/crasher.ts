// Crasher: traps on request, for testing crashes and supervision.
// Config {"crash_on_init":true} traps in init; {"fail_init":"why"} makes init fail.
import { Message, JsonValue, Result, ok, err, reply } from "../sdk";

export function init(config: JsonValue): Result {
  const crash = config.get("crash_on_init");
  if (crash !== null && crash.bool) unreachable();
  const reason = config.getString("fail_init");
  if (reason !== null) return err(reason);
  return ok();
}

export function handle(msg: Message): Result {
  if (msg.performative != "request") return err("crasher does not understand " + msg.performative);
  if (msg.content.getString("action") == "crash") unreachable();
  reply(msg, "inform", "{\"pong\":true}");
  return ok();
}
