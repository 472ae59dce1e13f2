import { describe, expect, it } from 'vitest';
import { decimal } from '../state/decimal';
import { oldGenerationGrowth } from '../state/oldGeneration.testkit';
import { prepareRequest } from './request';

const prepare = (draft: unknown, seq = 1) => prepareRequest(draft, { now: 1000, timeoutMs: 500, seq });

describe('prepareRequest', () => {
  it('copies the draft with a generated reply_with and a reply_by of now + timeout', () => {
    const draft = { performative: 'request', receiver: 'echo' };
    const prepared = prepare(draft, 7)!;
    expect(prepared).toEqual({ draft: { ...draft, reply_with: 'request-7', reply_by: 1500 }, replyWith: 'request-7', client: 'you' });
    expect(draft).toEqual({ performative: 'request', receiver: 'echo' });
  });

  it('keeps a reply_with and reply_by the draft gives, and answers the client it came from', () => {
    const prepared = prepareRequest(
      { receiver: 'echo', reply_with: 'mine', reply_by: 9 },
      { now: 0, timeoutMs: 1, seq: 1, from: 'alice' },
    )!;
    expect(prepared.draft).toMatchObject({ reply_with: 'mine', reply_by: 9 });
    expect(prepared).toMatchObject({ replyWith: 'mine', client: 'alice' });
  });

  it('refuses what is not a message object', () => {
    for (const draft of [null, 'text', 3, ['a']]) expect(prepare(draft)).toBeUndefined();
  });

  // Why the tag is long: a reply carries it back as in_reply_to, and JSON.parse puts string
  // values of up to 10 characters in V8's string table, which lives in the old generation, so
  // every short tag would be garbage only a mark-compact collects. Measured in bytes, not time.
  it('generates tags that parsing a reply does not leave in the old generation', () => {
    const tagOf = (seq: number) => prepare({ receiver: 'echo' }, seq)!.replyWith;
    oldGenerationGrowthParsing(() => 'warm-up: a long tag'); // the first run also compiles and grows the heap
    const ours = oldGenerationGrowthParsing((seq) => tagOf(seq));
    const short = oldGenerationGrowthParsing((seq) => 'req-' + decimal(seq));
    expect(short, 'tags of 10 characters or fewer').toBeGreaterThan(2_000_000);
    expect(ours, 'generated tags').toBeLessThan(short / 8);
  });
});

/** Old-space growth while parsing 100,000 replies (the 100th request on) whose in_reply_to is `tag(seq)`. */
function oldGenerationGrowthParsing(tag: (seq: number) => string): number {
  return oldGenerationGrowth(100_000, (i) => JSON.parse(JSON.stringify({ performative: 'inform', in_reply_to: tag(100 + i) })));
}
