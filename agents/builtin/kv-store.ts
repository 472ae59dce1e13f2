// Key-value store: query-ref {"key"} -> inform {"key", "value"} (failure if absent),
// query-if {"key"} -> inform {"key", "exists"}, request {"action": "put", "key", "value"}
// -> inform {"key", "value", "stored": true}. Config {"data": {...}} seeds the store;
// what is put lives in the durable kv and wins over the seed.
import { Message, JsonValue, Result, ok, err, reply, obj, kvGet, kvSet, jsonString } from "../sdk";
import { Config } from "./common/pattern";

const cfg = new Config();

export function init(c: JsonValue): Result {
  cfg.value = c;
  const data = c.get("data");
  if (data !== null && !data.isObject) return err("kv-store: \"data\" must be an object");
  return ok();
}

function lookup(key: string): string | null {
  const stored = kvGet("d:" + key);
  if (stored !== null) return stored;
  const data = cfg.value.get("data");
  if (data === null) return null;
  const v = data.get(key);
  return v !== null ? v.raw() : null;
}

export function handle(msg: Message): Result {
  const p = msg.performative;
  if (p == "inform" || p == "failure" || p == "not-understood" || p == "agree") return ok();
  const c = msg.content;
  const key = c.isString ? c.str : c.getString("key");
  if (p == "query-ref" || p == "query-if") {
    if (key === null) {
      reply(msg, "refuse", obj().str("reason", "expected {\"key\": \"...\"}").toString());
      return ok();
    }
    const value = lookup(key);
    if (p == "query-if") reply(msg, "inform", obj().str("key", key).bool("exists", value !== null).toString());
    else if (value === null) reply(msg, "failure", obj().str("key", key).str("reason", "not-found").toString());
    else reply(msg, "inform", obj().str("key", key).raw("value", value).toString());
    return ok();
  }
  if (p != "request") return err("kv-store does not understand " + p);
  const action = c.getString("action");
  const value = c.get("value");
  if (action == "put" && key !== null && value !== null) {
    kvSet("d:" + key, value.raw());
    reply(msg, "inform", obj().str("key", key).raw("value", value.raw()).bool("stored", true).toString());
    return ok();
  }
  if (action == "get" && key !== null) {
    const v = lookup(key);
    reply(msg, v !== null ? "inform" : "failure", v !== null ? obj().str("key", key).raw("value", v).toString() : obj().str("key", key).str("reason", "not-found").toString());
    return ok();
  }
  reply(msg, "refuse", obj().str("reason", "expected {\"action\": \"put\", \"key\", \"value\"} or {\"action\": \"get\", \"key\"}; received " + jsonString(c.raw())).toString());
  return ok();
}
