// The canonical ABI of wit/agent.wit, by hand, so agent code never sees a pointer.
// Built with `--runtime minimal`: the collector runs only when we call it, and the
// post-return functions are the one place where no Wasm frame holds a reference.

// @ts-ignore: decorator
@external("workbench:agent/host@0.1.0", "send")
declare function hostSend(ptr: usize, len: usize): void;
// @ts-ignore: decorator
@external("workbench:agent/host@0.1.0", "kv-get")
declare function hostKvGet(ptr: usize, len: usize, ret: usize): void;
// @ts-ignore: decorator
@external("workbench:agent/host@0.1.0", "kv-set")
declare function hostKvSet(kp: usize, kl: usize, vp: usize, vl: usize): void;
// @ts-ignore: decorator
@external("workbench:agent/host@0.1.0", "now-ms")
declare function hostNowMs(): u64;
// @ts-ignore: decorator
@external("workbench:agent/host@0.1.0", "log")
declare function hostLog(lp: usize, ll: usize, tp: usize, tl: usize): void;
// Imported only by agents that call setTimer (AssemblyScript emits used imports only), so
// components built against the world before set-timer existed stay valid.
// @ts-ignore: decorator
@external("workbench:agent/host@0.1.0", "set-timer")
declare function hostSetTimer(delayMs: u32, tp: usize, tl: usize): void;

// result<_, string> / option<string>: tag byte at 0, then (ptr, len) at 4 and 8.
const RET_AREA: usize = memory.data(12, 4);
const IMPORT_AREA: usize = memory.data(12, 4);
// Zero-byte allocations get this address, so an empty string never touches the heap
// (jco passes pointer 1 for empty strings without allocating at all).
const EMPTY: usize = memory.data(16, 16);

// The error string handed to the host must live until post-return: this global is the GC
// root that keeps it alive, so it is written and never read.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
let pendingErr: ArrayBuffer | null = null;
// Measured on echo: collecting after every call is fastest (124k calls/s vs 92k every
// 1000th, 38k with the incremental runtime): TLSF stays small and warm. The cost is a
// mark of the live heap per call, small for agents that keep their state in kv.
const COLLECT_EVERY: i32 = 1;
let callsSinceCollect: i32 = 0;

// Host-bound strings must be valid UTF-8 (the ABI forbids lone surrogates).
@inline function utf8(s: string): ArrayBuffer {
  return String.UTF8.encode(s, false, String.UTF8.ErrorMode.REPLACE);
}

/** Decodes and frees a string the host wrote into memory it got from cabi_realloc. */
export function takeString(ptr: usize, len: usize): string {
  if (len == 0) return "";
  const s = String.UTF8.decodeUnsafe(ptr, len);
  if (ptr != EMPTY) heap.free(ptr);
  return s;
}

export function cabiRealloc(oldPtr: usize, oldSize: usize, align: usize, newSize: usize): usize {
  // heap blocks are 16-byte aligned, enough for any `align` the ABI asks for.
  const fresh = oldPtr == 0 || oldPtr == EMPTY;
  if (newSize == 0) {
    if (!fresh) heap.free(oldPtr);
    return EMPTY;
  }
  return fresh ? heap.alloc(newSize) : heap.realloc(oldPtr, newSize);
}

export function returnOk(): usize {
  store<u8>(RET_AREA, 0);
  return RET_AREA;
}

export function returnErr(reason: string): usize {
  const buf = utf8(reason);
  pendingErr = buf;
  store<u8>(RET_AREA, 1);
  store<u32>(RET_AREA, changetype<usize>(buf), 4);
  store<u32>(RET_AREA, <u32>buf.byteLength, 8);
  return RET_AREA;
}

export function postReturn(): void {
  pendingErr = null;
  if (++callsSinceCollect >= COLLECT_EVERY) {
    callsSinceCollect = 0;
    __collect();
  }
}

export function send(message: string): void {
  const b = utf8(message);
  hostSend(changetype<usize>(b), b.byteLength);
}

/** Sends `len` bytes of UTF-8 JSON at `ptr` (the SDK's writer buffer). */
export function sendBytes(ptr: usize, len: usize): void {
  hostSend(ptr, len);
}

export function kvGet(key: string): string | null {
  const k = utf8(key);
  hostKvGet(changetype<usize>(k), k.byteLength, IMPORT_AREA);
  if (load<u8>(IMPORT_AREA) == 0) return null;
  return takeString(load<u32>(IMPORT_AREA, 4), load<u32>(IMPORT_AREA, 8));
}

export function kvSet(key: string, value: string): void {
  const k = utf8(key);
  const v = utf8(value);
  hostKvSet(changetype<usize>(k), k.byteLength, changetype<usize>(v), v.byteLength);
}

export function nowMs(): u64 {
  return hostNowMs();
}

/** level: "debug" | "info" | "warn" | "error". */
export function log(level: string, text: string): void {
  const l = utf8(level);
  const t = utf8(text);
  hostLog(changetype<usize>(l), l.byteLength, changetype<usize>(t), t.byteLength);
}

/** Wakes this agent after `delayMs` on the kernel's clock with a message tagged `tag` (see timer.ts). */
export function setTimer(delayMs: u32, tag: string): void {
  const t = utf8(tag);
  hostSetTimer(delayMs, changetype<usize>(t), t.byteLength);
}

/** Replaces AssemblyScript's `env.abort` import: log where it failed, then trap (a crash). */
export function abortTrap(message: string | null, file: string | null, line: u32, column: u32): void {
  log("error", "abort: " + (message !== null ? message : "") + " at " + (file !== null ? file : "?") + ":" + line.toString() + ":" + column.toString());
  unreachable();
}
