import { describe, expect, it } from 'vitest';
import { createJadeImportApi } from '../../../browser/replay/importJadeInWorker';
import { jadeFileOutcome, jadeRecordingName, skippedNote } from './jadeImport';

const importLog = (fileName: string, log: string) =>
  createJadeImportApi()
    .importJadeLog(log, { name: jadeRecordingName(fileName) })
    .then((outcome) => jadeFileOutcome(fileName, outcome));

describe('jadeFileOutcome', () => {
  it('makes a recording named after the file', async () => {
    const read = await importLog('book-trade.acl.log', '(inform :sender a :receiver (set b) :X-trace 1)');
    expect(read.ok && [read.recording.header.name, read.recording.header.tags, read.skipped]).toEqual(['book-trade', ['jade'], 1]);
  });

  it('refuses a broken log with ORR513 naming the entry and the problem, and the hint', async () => {
    const read = await importLog('broken.log', '(inform :sender a :receiver (set b))\n(agree :receiver (set a))');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.refusal.summary).toMatch(/^broken\.log: ORR513 entry 2: JADE message log, entry 2: the message has no :sender/);
    expect(read.refusal.hint).toMatch(/one ACL message per entry/);
  });

  it('names a recording from any log file name, and says what was skipped', () => {
    expect(jadeRecordingName('shop.txt')).toBe('shop');
    expect(jadeRecordingName('.log')).toBe('JADE message log');
    expect([skippedNote(0), skippedNote(1), skippedNote(3)]).toEqual([
      '',
      ' (1 parameter Orrery does not carry was skipped)',
      ' (3 parameters Orrery does not carry were skipped)',
    ]);
  });
});
