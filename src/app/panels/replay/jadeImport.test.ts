import { describe, expect, it } from 'vitest';
import { jadeRecordingName, readJadeFile } from './jadeImport';

describe('readJadeFile', () => {
  it('makes a recording named after the file', () => {
    const read = readJadeFile('book-trade.acl.log', '(inform :sender a :receiver (set b) :X-trace 1)');
    expect(read.ok && [read.recording.header.name, read.recording.header.tags, read.skipped]).toEqual(['book-trade', ['jade'], 1]);
  });

  it('refuses a broken log with ORR513 naming the entry and the problem, and the hint', () => {
    const read = readJadeFile('broken.log', '(inform :sender a :receiver (set b))\n(agree :receiver (set a))');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.refusal.summary).toMatch(/^broken\.log: ORR513 entry 2: JADE message log, entry 2: the message has no :sender/);
    expect(read.refusal.hint).toMatch(/one ACL message per entry/);
  });

  it('names a recording from any log file name', () => {
    expect(jadeRecordingName('shop.txt')).toBe('shop');
    expect(jadeRecordingName('.log')).toBe('JADE message log');
  });
});
