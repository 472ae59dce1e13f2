import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedName, checkedTags, compareSummaries, reassemble, summaryOf, tapeChunks } from './libraryRecords';
import { syntheticRecording, syntheticTape } from './syntheticRecording';

describe('recording library records', () => {
  it('summarises without the tape, the module bytes or the workspace', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const r = syntheticRecording(10, [{ kind: 'custom:a', hash: 'a'.repeat(64), label: 'A', builtin: false, bytes }]);
    const s = summaryOf({ ...r.header, chaos: { name: 'soak' } }, 1, '2026-02-02T00:00:00.000Z');
    expect(s.modules).toEqual([{ kind: 'custom:a', hash: 'a'.repeat(64), label: 'A', builtin: false }]);
    expect(s).not.toHaveProperty('workspace');
    expect(s).not.toHaveProperty('chaos');
    expect(s).toMatchObject({
      hasWorkspace: true,
      hasChaos: true,
      hasLoad: false,
      chunks: 1,
      name: r.header.name,
      counts: r.header.counts,
    });
    expect(JSON.stringify(s)).not.toContain('"tape"');
  });

  it('cuts a tape into chunks and reassembles it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 }), (n, size) => {
        const r = syntheticRecording(n);
        const chunks = tapeChunks('id', r.tape, size);
        expect(chunks.length).toBe(Math.ceil(n / size));
        expect(chunks.every((c) => c.entries.length <= size && c.id === 'id')).toBe(true);
        expect(reassemble(r.header, chunks, chunks.length)).toEqual(r);
      }),
    );
  });

  it('refuses to reassemble a tape with a chunk missing', () => {
    const r = syntheticRecording(30);
    const chunks = tapeChunks(r.header.id, syntheticTape(30), 10);
    expect(() => reassemble(r.header, [chunks[0]!, chunks[2]!], 3)).toThrow('2 of 3 tape chunks');
    expect(() => reassemble(r.header, [chunks[0]!, chunks[2]!, chunks[1]!], 3)).toThrow();
  });

  it('takes names and tags as typed, trimmed, and refuses what it cannot keep', () => {
    expect(checkedName('  soak run ')).toBe('soak run');
    expect(() => checkedName('   ')).toThrow('needs a name');
    expect(() => checkedName('x'.repeat(201))).toThrow('at most 200');
    expect(checkedTags([' ci ', 'ci', '', 'chaos'])).toEqual(['ci', 'chaos']);
    expect(() => checkedTags(['y'.repeat(61)])).toThrow('at most 60');
    expect(() => checkedTags(Array.from({ length: 51 }, (_, i) => `t${i}`))).toThrow('at most 50 tags');
  });

  it('lists newest first, then by name', () => {
    const at = (name: string, createdAt: string) => summaryOf({ ...syntheticRecording(0).header, name, createdAt }, 0, createdAt);
    const list = [at('b', '2026-01-01'), at('a', '2026-01-01'), at('c', '2026-03-01')].sort(compareSummaries);
    expect(list.map((s) => s.name)).toEqual(['c', 'a', 'b']);
  });
});
