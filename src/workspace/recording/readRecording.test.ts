import fc from 'fast-check';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createSha256 } from '../../experiments/simulation/sha256';
import type { Recording, TapeEntry } from '../../experiments/replay/types';
import { KERNEL_INPUT_TYPES } from './validateTapeEntry';
import { encodeRecording, writeRecording } from './writeRecording';
import { readRecording } from './readRecording';
import { RecordingFileError } from './RecordingFileError';
import { headerToJson } from './recordingHeader';
import { syntheticRecording } from './syntheticRecording';

async function refusal(promise: Promise<unknown>): Promise<RecordingFileError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof RecordingFileError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

/** A file written line by line as given (to make files the writer never would). */
function gzLines(lines: unknown[]): Uint8Array {
  return gzipSync(strToU8(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n'));
}

const small = syntheticRecording(25);
const first = (r: Recording = small) => ({ orrery: 'recording', version: 1, header: headerToJson(r.header) });
const tapeLine = (at: number, tape: unknown[]) => ({ at, tape });

async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

describe('recording files: round trip', () => {
  it('reads back what it wrote, from bytes, an async iterable and a ReadableStream', async () => {
    const bytes = await encodeRecording(small, { chunkEntries: 7 });
    expect(await readRecording(bytes)).toEqual(small);
    expect(await readRecording(inPieces(bytes, 3))).toEqual(small);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    expect(await readRecording(stream)).toEqual(small);
  });

  it("carries a custom module's bytes and keeps a builtin without them", async () => {
    const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 2, 3]);
    const hash = createSha256().update(bytes).hex();
    const recording = syntheticRecording(3, [
      { kind: `custom:${hash}`, hash, label: 'mine', builtin: false, bytes },
      { kind: 'echo', hash: 'cd'.repeat(32), label: 'Echo', builtin: true },
    ]);
    const back = await readRecording(await encodeRecording(recording));
    expect(back.header.modules[0]!.bytes).toEqual(bytes);
    expect(back.header.modules[1]).toEqual({ kind: 'echo', hash: 'cd'.repeat(32), label: 'Echo', builtin: true });
  });

  it('writes in chunks: one line of tape per chunk, the file never whole', async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of writeRecording(syntheticRecording(5_000), { chunkEntries: 500 })) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('round-trips any tape of known inputs at non-decreasing times (property)', async () => {
    const entry = fc.record({
      dt: fc.double({ min: 0, max: 1e6, noNaN: true }),
      type: fc.constantFrom(...KERNEL_INPUT_TYPES),
      message: fc.jsonValue(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (raw, chunkEntries) => {
        let t = 0;
        const tape = raw.map(({ dt, type, message }) => {
          t += dt;
          return { t, input: { type, message } } as unknown as TapeEntry;
        });
        // JSON has no -0 and drops undefined: compare with what JSON can carry.
        const header = { ...small.header, counts: { ...small.header.counts, inputs: tape.length } };
        const recording = JSON.parse(JSON.stringify({ header, tape })) as Recording;
        expect(await readRecording(await encodeRecording(recording, { chunkEntries }))).toEqual(recording);
      }),
      { numRuns: 60 },
    );
  });
});

describe('recording files: refusals', () => {
  it("refuses every cut of a file with ORR503 (truncated), even inside gzip's trailer", async () => {
    const bytes = await encodeRecording(small, { chunkEntries: 10 });
    for (let cut = 1; cut < bytes.length; cut++) {
      const e = await refusal(readRecording(bytes.subarray(0, cut)));
      expect(e.code, `cut at ${cut} of ${bytes.length}`).toBe('ORR503');
    }
  });

  it('refuses a file cut at a line boundary (no end line) with ORR503, naming how far it got', async () => {
    const e = await refusal(readRecording(gzLines([first(), tapeLine(0, small.tape.slice(0, 10))])));
    expect(e.code).toBe('ORR503');
    expect(e.message).toContain('after 10 tape entries');
  });

  it('refuses a lost or repeated tape line and data after the end', async () => {
    const lost = gzLines([first(), tapeLine(0, small.tape.slice(0, 10)), tapeLine(20, small.tape.slice(20)), { end: { entries: 25 } }]);
    expect((await refusal(readRecording(lost))).message).toMatch(/ORR503.*missing or repeated/);
    const after = gzLines([first(), tapeLine(0, small.tape), { end: { entries: 25 } }, tapeLine(25, [])]);
    expect((await refusal(readRecording(after))).message).toMatch(/ORR503.*after the end/);
    const miscount = gzLines([first(), tapeLine(0, small.tape), { end: { entries: 24 } }]);
    expect((await refusal(readRecording(miscount))).code).toBe('ORR503');
  });

  it('never reads a damaged byte after the gzip header as anything but what was written: it refuses the file (property)', async () => {
    const bytes = await encodeRecording(small);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 10, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const damaged = bytes.slice();
        damaged[at]! ^= flip;
        const read = await readRecording(damaged).catch((e: unknown) => e);
        // The final deflate block's padding bits carry nothing: a flip there decodes to the same bytes.
        if (!(read instanceof RecordingFileError)) return expect(read).toEqual(small);
        expect(['ORR501', 'ORR503', 'ORR504']).toContain(read.code);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a flip in the padding bits of the final deflate block as the same recording', async () => {
    const bytes = await encodeRecording(small);
    const damaged = bytes.slice();
    // The byte before the gzip trailer (CRC-32, size) ends the deflate stream; its top bit is padding here.
    damaged[bytes.length - 9]! ^= 0x80;
    expect(damaged).not.toEqual(bytes);
    expect(await readRecording(damaged)).toEqual(small);
  });

  it('stops reading a stream it refuses early', async () => {
    let pulls = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(strToU8('{"not":"gzip"}'));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect((await refusal(readRecording(stream))).code).toBe('ORR501');
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(5);
  });

  it('refuses foreign files with ORR501: JSON, random bytes, another gzip, another Orrery file, nothing', async () => {
    const cases: Uint8Array[] = [
      strToU8('{"orrery":"workspace","version":2}'),
      new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]),
      gzipSync(strToU8('just some text\nand more\n')),
      gzLines([{ orrery: 'workspace', version: 2 }]),
      gzLines([[1, 2, 3]]),
      new Uint8Array(0),
    ];
    for (const bytes of cases) expect((await refusal(readRecording(bytes))).code).toBe('ORR501');
    expect((await refusal(readRecording(cases[0]!))).message).toContain('a JSON file');
    expect((await refusal(readRecording(cases[3]!))).message).toContain('an Orrery workspace file');
  });

  it('refuses a newer version with ORR502 and a version that is not one with ORR504', async () => {
    const newer = await refusal(readRecording(gzLines([{ ...first(), version: 2 }, tapeLine(0, []), { end: { entries: 0 } }])));
    expect(newer.code).toBe('ORR502');
    expect(newer.data.received).toBe('version 2');
    const odd = await refusal(readRecording(gzLines([{ ...first(), version: 'one' }])));
    expect(odd.code).toBe('ORR504');
    expect(odd.data.path).toBe('version');
  });

  it('refuses invalid content with ORR504, each problem at its path', async () => {
    const tape: unknown[] = small.tape.map((e) => ({ ...e }));
    tape[3] = { t: 'soon', input: { type: 'tick' } };
    tape[7] = { t: -1e-9 + small.tape[6]!.t, input: { type: 'tick' } };
    tape[12] = { t: small.tape[12]!.t, input: { type: 'agent.teleport' } };
    tape[20] = { t: small.tape[20]!.t, input: [] };
    tape[21] = 'nope';
    const { header } = first();
    const bytes = gzLines([{ ...first(), header: { ...header, name: 7, kernelSeed: -1 } }, tapeLine(0, tape), { end: { entries: 25 } }]);
    const e = await refusal(readRecording(bytes));
    expect(e.code).toBe('ORR504');
    expect(e.problems?.map((p) => p.path)).toEqual([
      'header.name',
      'header.kernelSeed',
      'tape[3].t',
      'tape[7].t',
      'tape[12].input.type',
      'tape[20].input',
      'tape[21]',
    ]);
    expect(e.problems?.every((p) => p.code === 'ORR504')).toBe(true);
    expect(e.message).toMatch(/^ORR504: header\.name: expected .*\(and 6 more\)/);
  });

  it('refuses a module whose bytes are not its hash, or not base64, or that has no kind', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const recording = syntheticRecording(2, [
      { kind: 'custom:x', hash: 'ef'.repeat(32), label: 'x', builtin: false, bytes },
      { kind: '', hash: 'js:y', label: 'y', builtin: false },
    ]);
    const json = headerToJson(recording.header) as { modules: Record<string, unknown>[] };
    json.modules.push({ kind: 'z', hash: 'js:z', label: 'z', builtin: false, bytes: 'not base64!' });
    const file = gzLines([{ ...first(recording), header: json }, tapeLine(0, recording.tape), { end: { entries: 2 } }]);
    const e = await refusal(readRecording(file));
    expect(e.problems?.map((p) => p.path)).toEqual(['header.modules[0].bytes', 'header.modules[1].kind', 'header.modules[2].bytes']);
  });

  it('refuses a header that does not describe its tape: entry count, start index', async () => {
    const recording = { ...small, header: { ...small.header, startIndex: 26, counts: { ...small.header.counts, inputs: 24 } } };
    const e = await refusal(readRecording(await encodeRecording(recording)));
    expect(e.problems?.map((p) => p.path)).toEqual(['header.counts.inputs', 'header.startIndex']);
  });

  it('refuses what is too large with ORR505: the file, decompressed, entries, a line', async () => {
    const bytes = await encodeRecording(syntheticRecording(2_000), { chunkEntries: 100 });
    expect((await refusal(readRecording(bytes, { maxBytes: 1_000 }))).code).toBe('ORR505');
    expect((await refusal(readRecording(bytes, { maxDecodedBytes: 50_000 }))).code).toBe('ORR505');
    expect((await refusal(readRecording(bytes, { maxEntries: 1_500 }))).code).toBe('ORR505');
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024).fill(0x7b));
    expect((await refusal(readRecording(bomb, { maxDecodedBytes: 1024 * 1024 }))).code).toBe('ORR505');
  });

  it('stops checking a hopeless file at the problem bound', async () => {
    const tape = Array.from({ length: 5_000 }, () => ({ t: 'x', input: {} }));
    const e = await refusal(readRecording(gzLines([first(), tapeLine(0, tape), { end: { entries: 5_000 } }])));
    expect(e.code).toBe('ORR504');
    expect(e.problems!.length).toBe(51);
    expect(e.problems!.at(-1)!.code).toBe('ORR212');
  });
});

describe('recording files: the event loop', () => {
  it('lets other tasks run while a large file is read', async () => {
    const bytes = await encodeRecording(syntheticRecording(200_000));
    let turns = 0;
    let reading = true;
    const tick = () => {
      turns++;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    const done = readRecording(bytes).finally(() => (reading = false));
    expect((await done).tape).toHaveLength(200_000);
    expect(turns).toBeGreaterThan(1);
  });
});
