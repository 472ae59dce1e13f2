import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildAgents, loadAgent, transpiledDir, OUT_DIR, type Agent } from './test/harness';

beforeAll(() => buildAgents(), 120_000);

/** The error a handle/init call threw: ComponentError's payload, or a trap's message. */
function failure(fn: () => void): { payload?: unknown; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { payload?: unknown; message: string };
  }
  throw new Error('expected the call to throw');
}

const req = (content: unknown, extra: Record<string, unknown> = {}) => ({ performative: 'request', content, ...extra });

describe('manifest', () => {
  it('lists every agent with its role, hash and size', () => {
    const manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>[];
    const labels = (role: string) => manifest.filter((m) => m.role === role).map((m) => m.label);
    expect(labels('core')).toEqual([
      'Echo agent',
      'Counter agent',
      'Text agent',
      'Sequence agent',
      'Crasher agent',
      'Spinner agent',
      'Greeter agent (JS)',
    ]);
    expect(labels('pattern')).toEqual([
      'Requester agent',
      'Service agent',
      'Key-value store agent',
      'Sink agent',
      'Stage agent',
      'Contract-net manager agent',
      'Bidder agent',
      'Auctioneer agent',
      'Publisher agent',
      'Subscriber agent',
      'Blackboard agent',
      'Knowledge source agent',
      'Scatter-gather agent',
      'Saga coordinator agent',
      'Saga step agent',
    ]);
    expect(manifest.length).toBe(22);
    for (const m of manifest) {
      const bytes = readFileSync(join(OUT_DIR, m.file as string));
      expect(m.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(m.bytes).toBe(bytes.byteLength);
    }
  });
});

describe('echo', () => {
  let a: Agent;
  beforeAll(async () => void (a = await loadAgent('echo')));

  it('answers request, query-if and query-ref with the same content, in the conversation', () => {
    for (const performative of ['request', 'query-if', 'query-ref']) {
      const content = { a: [1, 2.5, 'ü😀\n"'], b: null, c: { d: true } };
      const out = a.deliver({ performative, content, conversation_id: 'c1', reply_with: 'r1', protocol: 'fipa-request' });
      expect(out).toEqual([
        { performative: 'inform', receiver: 'tester', content, conversation_id: 'c1', in_reply_to: 'r1', protocol: 'fipa-request' },
      ]);
    }
  });

  it('omits reply fields the request did not have', () => {
    expect(a.deliver(req('hi'))).toEqual([{ performative: 'inform', receiver: 'tester', content: 'hi' }]);
  });

  it('accepts answers silently, so two echoes never loop', () => {
    for (const performative of ['inform', 'failure', 'not-understood', 'agree', 'refuse']) {
      expect(a.deliver({ performative, content: 1 })).toEqual([]);
    }
  });

  it('does not understand other performatives or malformed envelopes', () => {
    expect(failure(() => a.deliver({ performative: 'cfp', content: {} })).payload).toBe('echo does not understand cfp');
    expect(failure(() => a.guest.handle('{not json')).payload).toMatch(/invalid message/);
    expect(failure(() => a.guest.handle('[]')).payload).toMatch(/invalid message/);
    // Still usable after an err.
    expect(a.deliver(req(7))).toHaveLength(1);
  });
});

describe('counter', () => {
  it('counts in the host kv store, which survives a restart', async () => {
    const a = await loadAgent('counter');
    const count = (out: Record<string, unknown>[]) => (out[0]!.content as { count: number }).count;
    expect(count(a.deliver(req({ action: 'increment' })))).toBe(1);
    expect(count(a.deliver(req({ action: 'increment', by: 41 })))).toBe(42);
    expect(count(a.deliver(req({ action: 'get' })))).toBe(42);
    expect(count(a.deliver({ performative: 'query-ref', content: null }))).toBe(42);
    expect(a.host.kv.get('count')).toBe('42');
    const b = await loadAgent('counter', '{}', a.host);
    expect(count(b.deliver(req({ action: 'increment', by: -2 })))).toBe(40);
    expect(count(b.deliver(req({ action: 'reset' })))).toBe(0);
    expect(count(b.deliver(req({ action: 'get' })))).toBe(0);
  });

  it('does not understand unknown actions', async () => {
    const a = await loadAgent('counter');
    expect(failure(() => a.deliver(req({ action: 'explode' }))).payload).toMatch(/unknown action/);
    expect(failure(() => a.deliver(req({ action: 'increment', by: 'x' }))).payload).toMatch(/by/);
    expect(failure(() => a.deliver(req('nope'))).payload).toMatch(/action/);
  });
});

describe('text', () => {
  let a: Agent;
  beforeAll(async () => void (a = await loadAgent('text')));

  const check = (text: string) => {
    const expected: Record<string, unknown> = {
      uppercase: text.toUpperCase(),
      lowercase: text.toLowerCase(),
      reverse: [...text].reverse().join(''),
      length: text.length,
    };
    for (const [op, result] of Object.entries(expected)) {
      a.guest.handle(JSON.stringify({ performative: 'request', sender: 't', receiver: 'text', content: { op, text } }));
      const raw = a.host.raw[0]!;
      a.host.take();
      // Byte for byte what JSON.stringify gives (escapes, lone surrogates), not just equal values.
      expect(raw).toContain(`"content":${JSON.stringify({ result })}`);
    }
  };

  it('handles special casing, final sigma, astral characters and escapes', () => {
    for (const s of [
      'ß',
      'ŉ',
      'ﬁ',
      'İ',
      'ΑΣ ΟΔΟΣ.',
      'Σ',
      'aΣ̈',
      'ΐ',
      '𐐨𐐀',
      '😀a\u{1F600}',
      'line\n"q"\\t\u0001\u007f',
      '\ud800x\udfff',
      '',
      'ǅ',
      'ᾳ',
    ])
      check(s);
  });

  it('equals JavaScript on random strings', () => {
    const special = fc.constantFrom(
      'ß',
      'ŉ',
      'Σ',
      'σ',
      'İ',
      'ı',
      'ﬀ',
      '\u0301',
      '\u00ad',
      '.',
      ' ',
      'A',
      'ǈ',
      'ᾼ',
      '\ud83d',
      '\ude00',
      '\n',
      '"',
    );
    const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: special }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (parts) => check(parts.join(''))),
      { numRuns: 300 },
    );
  }, 30_000); // 1,200 calls: ~1 s alone, several on a shared, loaded machine

  it('does not understand unknown ops', () => {
    expect(failure(() => a.deliver(req({ op: 'rot13', text: 'x' }))).payload).toMatch(/unknown op/);
    expect(failure(() => a.deliver(req({ op: 'length' }))).payload).toMatch(/expects/);
  });
});

describe('sequence', () => {
  it('acks requests, records informs silently and verifies the order', async () => {
    const a = await loadAgent('sequence');
    expect(a.deliver(req({ sequence_number: 5 }, { reply_with: 'x' }))).toEqual([
      { performative: 'inform', receiver: 'tester', content: { ack: 5 }, in_reply_to: 'x' },
    ]);
    expect(a.deliver({ performative: 'inform', content: { sequence_number: 6 } })).toEqual([]);
    expect(a.deliver(req({ sequence_number: 7 }))[0]!.content).toEqual({ ack: 7 });
    expect(a.deliver(req({ action: 'verify_sequence' }))[0]!.content).toEqual({ messages_received: 3, sequence_valid: true });
    a.deliver(req({ sequence_number: 9 }));
    expect(a.deliver(req({ action: 'verify_sequence' }))[0]!.content).toEqual({ messages_received: 4, sequence_valid: false });
    const b = await loadAgent('sequence', '{}', a.host);
    expect(b.deliver(req({ action: 'verify_sequence' }))[0]!.content).toEqual({ messages_received: 4, sequence_valid: false });
    expect(b.deliver(req({ action: 'reset' }))[0]!.content).toEqual({ messages_received: 0, sequence_valid: true });
    b.deliver(req({ sequence_number: 1 }));
    expect(b.deliver(req({ action: 'verify_sequence' }))[0]!.content).toEqual({ messages_received: 1, sequence_valid: true });
    expect(failure(() => b.deliver(req({ action: 'dance' }))).payload).toMatch(/sequence expects/);
  });
});

describe('crasher', () => {
  it('pongs, traps on crash and refuses calls after the trap', async () => {
    const a = await loadAgent('crasher');
    expect(a.deliver(req({ action: 'ping' }))[0]!.content).toEqual({ pong: true });
    const trap = failure(() => a.deliver(req({ action: 'crash' })));
    expect(trap).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(() => a.deliver(req({}))).toThrow();
  });

  it('fails or traps in init when configured to', async () => {
    const fail = await loadAgent('crasher', null);
    expect(failure(() => fail.guest.init('{"fail_init":"no database"}')).payload).toBe('no database');
    const crash = await loadAgent('crasher', null);
    expect(failure(() => crash.guest.init('{"crash_on_init":true}'))).toBeInstanceOf(WebAssembly.RuntimeError);
  });
});

describe('spinner', () => {
  it('pongs and grows its memory by whole pages', async () => {
    const a = await loadAgent('spinner');
    expect(a.deliver(req({ action: 'hello' }))[0]!.content).toEqual({ pong: true });
    const before = (a.deliver(req({ action: 'alloc', pages: 0 }))[0]!.content as { pages: number }).pages;
    expect(a.deliver(req({ action: 'alloc', pages: 3 }))[0]!.content).toEqual({ pages: before + 3 });
    expect(failure(() => a.deliver(req({ action: 'alloc', pages: -1 }))).payload).toMatch(/pages/);
    // Past the 4 GiB limit the grow fails, and a failed grow is a trap.
    expect(failure(() => a.deliver(req({ action: 'alloc', pages: 65536 })))).toBeInstanceOf(WebAssembly.RuntimeError);
  });

  it('spins for real: a spin request never returns', async () => {
    const dir = await transpiledDir('spinner');
    // In a worker, so the test can stop it.
    const worker = new Worker(
      `const { parentPort, workerData: dir } = require('node:worker_threads');
       const { readFile } = require('node:fs/promises');
       const host = { send() {}, kvGet() {}, kvSet() {}, nowMs: () => 0n, log() {} };
       import(dir + '/spinner.js').then(async (m) => {
         const { guest } = await m.instantiate(async (p) => WebAssembly.compile(await readFile(dir + '/' + p)), { 'workbench:agent/host': host });
         guest.init('{}');
         parentPort.postMessage('spinning');
         guest.handle(JSON.stringify({ performative: 'request', sender: 't', receiver: 's', content: { action: 'spin' } }));
         parentPort.postMessage('returned');
       });`,
      { eval: true, workerData: dir },
    );
    const seen: string[] = [];
    worker.on('message', (m: string) => seen.push(m));
    await new Promise((r) => setTimeout(r, 400));
    await worker.terminate();
    expect(seen).toEqual(['spinning']);
  });
});

describe('greeter (JavaScript on QuickJS)', () => {
  it('greets, echoes queries, accepts answers and rejects the rest', async () => {
    const a = await loadAgent('greeter');
    expect(a.deliver(req({ name: 'Zoë' }, { conversation_id: 'c', reply_with: 'r' }))).toEqual([
      { performative: 'inform', receiver: 'tester', content: { greeting: 'Hello, Zoë' }, conversation_id: 'c', in_reply_to: 'r' },
    ]);
    expect(a.deliver({ performative: 'query-ref', content: [1, 'x'] })[0]!.content).toEqual([1, 'x']);
    expect(a.deliver({ performative: 'inform', content: 1 })).toEqual([]);
    expect(failure(() => a.deliver({ performative: 'cfp', content: {} })).payload).toBe('greeter does not understand cfp');
    expect(failure(() => a.deliver(req({ nom: 'x' }))).payload).toMatch(/does not understand/);
  });
});
