// Text: uppercase, lowercase, reverse (by code point) or length (UTF-16 units), with
// results equal to JavaScript's own String methods.
import { Message, Result, ok, err, reply, obj } from "../sdk";
import { toUpper, toLower } from "./text-case";

function reverseCodePoints(s: string): string {
  const n = s.length;
  const out = changetype<string>(__new(<usize>n << 1, idof<string>()));
  const src = changetype<usize>(s);
  const dst = changetype<usize>(out);
  let i = 0;
  while (i < n) {
    const c = load<u16>(src + (<usize>i << 1));
    if ((c & 0xFC00) == 0xD800 && i + 1 < n && (load<u16>(src + (<usize>(i + 1) << 1)) & 0xFC00) == 0xDC00) {
      // A pair stays in order: write it as one unit at the mirrored position.
      store<u32>(dst + (<usize>(n - i - 2) << 1), load<u32>(src + (<usize>i << 1)));
      i += 2;
    } else {
      store<u16>(dst + (<usize>(n - i - 1) << 1), c);
      i++;
    }
  }
  return out;
}

export function handle(msg: Message): Result {
  if (msg.performative != "request") return err("text does not understand " + msg.performative);
  const c = msg.content;
  const op = c.getString("op");
  const text = c.getString("text");
  if (op === null || text === null) return err("text expects {\"op\": \"uppercase\" | \"lowercase\" | \"reverse\" | \"length\", \"text\": \"...\"}");
  let result: string;
  if (op == "uppercase") result = obj().str("result", toUpper(text)).toString();
  else if (op == "lowercase") result = obj().str("result", toLower(text)).toString();
  else if (op == "reverse") result = obj().str("result", reverseCodePoints(text)).toString();
  else if (op == "length") result = obj().int("result", text.length).toString();
  else return err("text: unknown op " + op);
  reply(msg, "inform", result);
  return ok();
}
