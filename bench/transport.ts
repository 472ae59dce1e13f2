/**
 * Transport comparison between the Node main thread and a worker_thread: N small JSON
 * messages (an ACL message as JSON text) crossing in batches, timed until the worker
 * confirms it decoded every one. Three carriers:
 *   (a) one postMessage per batch carrying an array of strings (structured clone);
 *   (b) one transferable ArrayBuffer per batch: u32 length prefix + UTF-8 per message;
 *   (c) a SharedArrayBuffer ring of length-prefixed UTF-8 records, with back-pressure.
 * Run alone: `npx tsx bench/transport.ts [messages]`.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

export interface TransportOptions {
  messages: number;
  batch?: number;
  /** Ring size in bytes (a multiple of 4). */
  ringBytes?: number;
}

/** A realistic ACL message as JSON text, about 150 bytes, distinct per index. */
export function aclMessageText(i: number): string {
  return JSON.stringify({
    id: `m-${i}`,
    performative: 'inform',
    sender: 'you',
    receiver: `sink-${i % 8}`,
    conversation_id: `c-${i >> 8}`,
    content: { n: i, text: 'hello, orrery' },
    sent_at: 1_700_000_000_000 + i,
  });
}

// Ring header (Int32 slots): write position, read position, both in bytes, monotonically
// increasing (a fresh ring per run keeps them far below 2^31).
const HEAD = 0;
const TAIL = 1;
const HEADER_BYTES = 8;
const WRAP = 0xffffffff;

// Atomics.waitAsync (ES2024, Node ≥ 16) is missing from the ES2023 lib this repo compiles against.
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

// Plain CommonJS so the worker needs no TypeScript loader. It counts decoded characters so
// no decode can be skipped, and answers `done` once it has decoded `expected` messages.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const decoder = new TextDecoder();
const encoder = new TextEncoder();
// 'bytes' mode stands for handing UTF-8 to wasm: a whole batch goes into linear memory (here a
// scratch buffer) in as few copies as the carrier allows, and is never decoded; strings must
// instead be encoded once each in the worker.
const memory = new Uint8Array(1 << 20);
let expected = 0, seen = 0, chars = 0, bytesMode = false;
const finish = () => { parentPort.postMessage({ done: seen, chars }); seen = 0; chars = 0; };
function takeStrings(strings) {
  let at = 0;
  for (const s of strings) {
    seen++;
    if (!bytesMode) { chars += s.length; continue; }
    if (at + s.length * 3 > memory.length) at = 0;
    const { written } = encoder.encodeInto(s, memory.subarray(at));
    at += written;
    chars += written;
  }
}
function takeBuffer(buffer) {
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  if (bytesMode) memory.set(bytes, 0);
  let at = 0;
  while (at < buffer.byteLength) {
    const len = view.getUint32(at, true);
    if (len === 0) break;
    chars += bytesMode ? len : decoder.decode(bytes.subarray(at + 4, at + 4 + len)).length;
    at += 4 + len;
    seen++;
  }
}
function drainRing(sab, copy) {
  const header = new Int32Array(sab, 0, 2);
  const capacity = sab.byteLength - ${HEADER_BYTES};
  const data = new Uint8Array(sab, ${HEADER_BYTES});
  const view = new DataView(sab, ${HEADER_BYTES});
  let tail = Atomics.load(header, ${TAIL});
  while (seen < expected) {
    const head = Atomics.load(header, ${HEAD});
    if (head === tail) { Atomics.wait(header, ${HEAD}, head, 1000); continue; }
    let runStart = tail % capacity;
    const copyRun = (end) => { if (bytesMode && end > runStart) memory.set(data.subarray(runStart, Math.min(end, runStart + memory.length)), 0); };
    while (tail < head) {
      const at = tail % capacity;
      const len = view.getUint32(at, true);
      if (len === ${WRAP}) { copyRun(at); tail += capacity - at; runStart = 0; continue; }
      if (bytesMode) chars += len;
      else {
        const record = data.subarray(at + 4, at + 4 + len);
        chars += decoder.decode(copy ? record.slice() : record).length;
      }
      tail += (4 + len + 3) & ~3;
      seen++;
    }
    copyRun(head % capacity || capacity);
    Atomics.store(header, ${TAIL}, tail);
    Atomics.notify(header, ${TAIL});
  }
}
parentPort.on('message', (m) => {
  if (m.expect !== undefined) { expected = m.expect; bytesMode = m.bytes; return; }
  if (m.ring) { drainRing(m.ring, m.copy); finish(); return; }
  if (Array.isArray(m)) takeStrings(m);
  else takeBuffer(m);
  if (seen >= expected) finish();
});
`;

export type Carrier = 'strings' | 'transfer' | 'ring' | 'ring-copy';
/** What the worker makes of each message: a JS string, or UTF-8 bytes in (stand-in) wasm memory. */
export type Delivery = 'string' | 'bytes';

export class TransportWorker {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });

  async run(carrier: Carrier, delivery: Delivery, texts: readonly string[], options: TransportOptions): Promise<number> {
    const batch = options.batch ?? 256;
    this.worker.postMessage({ expect: texts.length, bytes: delivery === 'bytes' });
    const done = new Promise<void>((resolve) => this.worker.once('message', () => resolve()));
    const start = performance.now();
    if (carrier === 'strings') sendStrings(this.worker, texts, batch);
    else if (carrier === 'transfer') sendTransfers(this.worker, texts, batch);
    else await sendRing(this.worker, texts, batch, options.ringBytes ?? 1 << 20, carrier === 'ring-copy');
    await done;
    return texts.length / ((performance.now() - start) / 1000);
  }

  dispose(): Promise<number> {
    return this.worker.terminate();
  }
}

function sendStrings(worker: Worker, texts: readonly string[], batch: number): void {
  for (let from = 0; from < texts.length; from += batch) worker.postMessage(texts.slice(from, from + batch));
}

const encoder = new TextEncoder();

let batchScratch = new Uint8Array(1 << 16);

/**
 * One buffer per batch: u32 little-endian length, then the UTF-8 bytes; a zero length ends
 * it. Encoded into a reused scratch (sized for the worst case), then copied out at its exact
 * size: cheaper than zero-filling a fresh worst-case buffer per batch.
 */
export function encodeBatch(texts: readonly string[], from: number, to: number): ArrayBuffer {
  let room = 4;
  for (let i = from; i < to; i++) room += 4 + texts[i]!.length * 3;
  if (batchScratch.length < room) batchScratch = new Uint8Array(room * 2);
  const bytes = batchScratch;
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (let i = from; i < to; i++) {
    const { written } = encoder.encodeInto(texts[i]!, bytes.subarray(at + 4));
    view.setUint32(at, written, true);
    at += 4 + written;
  }
  view.setUint32(at, 0, true);
  return bytes.slice(0, at + 4).buffer;
}

function sendTransfers(worker: Worker, texts: readonly string[], batch: number): void {
  for (let from = 0; from < texts.length; from += batch) {
    const buffer = encodeBatch(texts, from, Math.min(texts.length, from + batch));
    worker.postMessage(buffer, [buffer]);
  }
}

/**
 * Producer side of the ring: records are 4-byte aligned and never straddle the end (a WRAP
 * marker sends the reader back to the start). Each record is encoded straight into the ring
 * when its worst case (3 bytes per UTF-16 unit) fits before the end. The head is published
 * once per batch; a full ring waits (without blocking the event loop) for the reader.
 */
async function sendRing(worker: Worker, texts: readonly string[], batch: number, ringBytes: number, copy: boolean): Promise<void> {
  const sab = new SharedArrayBuffer(HEADER_BYTES + ringBytes);
  const header = new Int32Array(sab, 0, 2);
  const data = new Uint8Array(sab, HEADER_BYTES);
  const view = new DataView(sab, HEADER_BYTES);
  worker.postMessage({ ring: sab, copy });
  let head = 0;
  let tail = 0;
  const waitForRoom = async (needed: number) => {
    Atomics.store(header, HEAD, head);
    Atomics.notify(header, HEAD);
    while (ringBytes - (head - tail) < needed) {
      const waited = waitAsync(header, TAIL, tail, 1000);
      if (waited.async) await waited.value;
      tail = Atomics.load(header, TAIL);
    }
  };
  for (let from = 0; from < texts.length; from += batch) {
    const to = Math.min(texts.length, from + batch);
    for (let i = from; i < to; i++) {
      const text = texts[i]!;
      const worst = (4 + text.length * 3 + 3) & ~3;
      let at = head % ringBytes;
      if (at + worst > ringBytes) {
        if (ringBytes - (head - tail) < ringBytes - at + worst) tail = Atomics.load(header, TAIL);
        if (ringBytes - (head - tail) < ringBytes - at + worst) await waitForRoom(ringBytes - at + worst);
        view.setUint32(at, WRAP, true);
        head += ringBytes - at;
        at = 0;
      } else {
        if (ringBytes - (head - tail) < worst) tail = Atomics.load(header, TAIL);
        if (ringBytes - (head - tail) < worst) await waitForRoom(worst);
      }
      const { written } = encoder.encodeInto(text, data.subarray(at + 4, at + worst));
      view.setUint32(at, written, true);
      head += (4 + written + 3) & ~3;
    }
    Atomics.store(header, HEAD, head);
    Atomics.notify(header, HEAD);
  }
}

export interface TransportVariant {
  id: string;
  label: string;
  carrier: Carrier;
  delivery: Delivery;
}

export const TRANSPORT_VARIANTS: readonly TransportVariant[] = [
  { id: 'a', label: '(a) postMessage, array of strings per batch', carrier: 'strings', delivery: 'string' },
  { id: 'b', label: '(b) transferable ArrayBuffer per batch (UTF-8, u32 prefix)', carrier: 'transfer', delivery: 'string' },
  { id: 'c', label: '(c) SharedArrayBuffer ring, decoded from the shared view', carrier: 'ring', delivery: 'string' },
  {
    id: "c'",
    label: "(c') ring, record copied out first (browsers' TextDecoder refuses shared views)",
    carrier: 'ring-copy',
    delivery: 'string',
  },
  { id: 'a→wasm', label: '(a) strings, worker encodes each into wasm memory', carrier: 'strings', delivery: 'bytes' },
  { id: 'b→wasm', label: '(b) transfer, worker copies the bytes into wasm memory', carrier: 'transfer', delivery: 'bytes' },
  { id: 'c→wasm', label: '(c) ring, worker copies the bytes into wasm memory', carrier: 'ring', delivery: 'bytes' },
];

export interface TransportResult {
  variant: TransportVariant;
  /** msgs/s of each repetition, in run order. */
  runs: number[];
  median: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Interleaved repetitions (a, b, c, a, b, c, …) after one warm-up each, on one worker. */
export async function compareTransports(
  options: TransportOptions & { repetitions?: number; variants?: readonly TransportVariant[] },
): Promise<TransportResult[]> {
  const texts = Array.from({ length: options.messages }, (_, i) => aclMessageText(i));
  const variants = options.variants ?? TRANSPORT_VARIANTS;
  const runs = variants.map(() => [] as number[]);
  const worker = new TransportWorker();
  try {
    // Warm up with the full count: the first full-size run of (a) is consistently several times slower.
    for (const v of variants) await worker.run(v.carrier, v.delivery, texts, options);
    for (let rep = 0; rep < (options.repetitions ?? 3); rep++) {
      for (const [i, v] of variants.entries()) runs[i]!.push(await worker.run(v.carrier, v.delivery, texts, options));
    }
  } finally {
    await worker.dispose();
  }
  return variants.map((variant, i) => ({ variant, runs: runs[i]!, median: median(runs[i]!) }));
}

export function describeTransports(results: readonly TransportResult[], messages: number): string {
  const k = (n: number) => `${(n / 1000).toFixed(0)}k`;
  const baseline = results[0]!.median;
  const lines = results.map(
    ({ variant, runs, median }) =>
      `${variant.label.padEnd(84)} median ${k(median).padStart(6)} msgs/s  ×${(median / baseline).toFixed(2)}  (runs ${runs.map(k).join(', ')})`,
  );
  return [`${messages} messages of ~${aclMessageText(12345).length} bytes, batches of 256, Node ${process.version}`, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const messages = Number(process.argv[2] ?? 100_000);
  const repetitions = Number(process.argv[3] ?? 3);
  console.log(describeTransports(await compareTransports({ messages, repetitions }), messages));
}
