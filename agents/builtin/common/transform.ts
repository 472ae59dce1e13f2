// Value transforms, shared by the stage and knowledge-source agents. A transform is a
// string ("upper", "lower", "reverse", "trim", "length", "words") or an object
// ({"append": s}, {"prepend": s}, {"add": n}, {"mul": n}).
import { JsonValue, jsonString, jsonNumber } from "../../sdk";

export class Transformed {
  constructor(public ok: bool, public json: string, public error: string) {}
}

function done(json: string): Transformed { return new Transformed(true, json, ""); }
function fail(why: string): Transformed { return new Transformed(false, "", why); }

function reverse(s: string): string {
  let out = "";
  let i = s.length - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    // Keep a surrogate pair together.
    if ((c & 0xFC00) == 0xDC00 && i > 0 && (s.charCodeAt(i - 1) & 0xFC00) == 0xD800) {
      out += s.substring(i - 1, i + 1);
      i -= 2;
    } else {
      out += s.charAt(i);
      i--;
    }
  }
  return out;
}

function words(s: string): i32 {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A short name for a transform, for traces. */
export function describe(t: JsonValue | null): string {
  if (t === null) return "identity";
  if (t.isString) return t.str;
  const keys = t.keys;
  if (t.isObject && keys !== null && keys.length == 1) return keys[0] + " " + t.items![0].raw();
  return t.raw();
}

export function applyTransform(t: JsonValue | null, v: JsonValue): Transformed {
  if (t === null) return done(v.raw());
  if (t.isString) {
    const op = t.str;
    if (!v.isString) return fail(op + " needs a string value, received " + v.raw());
    const s = v.str;
    if (op == "upper") return done(jsonString(s.toUpperCase()));
    if (op == "lower") return done(jsonString(s.toLowerCase()));
    if (op == "reverse") return done(jsonString(reverse(s)));
    if (op == "trim") return done(jsonString(s.trim()));
    if (op == "length") return done(s.length.toString());
    if (op == "words") return done(words(s).toString());
    return fail("unknown transform " + jsonString(op));
  }
  const keys = t.keys;
  if (!t.isObject || keys === null || keys.length != 1) return fail("a transform is a name or a one-key object, received " + t.raw());
  const op = keys[0];
  const arg = t.items![0];
  if (op == "append" || op == "prepend") {
    if (!v.isString || !arg.isString) return fail(op + " needs a string value and argument");
    return done(jsonString(op == "append" ? v.str + arg.str : arg.str + v.str));
  }
  if (op == "add" || op == "mul") {
    if (!v.isNumber || !arg.isNumber) return fail(op + " needs a number value and argument");
    return done(jsonNumber(op == "add" ? v.num + arg.num : v.num * arg.num));
  }
  return fail("unknown transform " + jsonString(op));
}
