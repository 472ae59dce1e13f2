// Glue between the ABI and an agent module, shared by every generated entry file.
import { Message } from "./message";
import { JsonValue, parseJson } from "./json";
import { Result } from "./index";
import { takeString, returnOk, returnErr } from "./abi";

export { cabiRealloc as cabi_realloc, postReturn, returnOk } from "./abi";

export function finish(r: Result): usize {
  return r.isOk ? returnOk() : returnErr(r.error);
}

export function readMessage(ptr: usize, len: usize): Message | null {
  return Message.parse(takeString(ptr, len));
}

/** The agent's config; an empty or invalid config reads as `{}`-less null value. */
export function readConfig(ptr: usize, len: usize): JsonValue | null {
  const text = takeString(ptr, len);
  if (text.length == 0) return new JsonValue();
  return parseJson(text);
}

export function invalidMessage(): usize {
  return returnErr("invalid message: expected a JSON object with a performative");
}

export function invalidConfig(): usize {
  return returnErr("invalid config: expected JSON");
}
