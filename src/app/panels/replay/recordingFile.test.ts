import { describe, expect, it } from 'vitest';
import { errorData, fileProblem } from '../../../protocol/errors';
import { RecordingFileError } from '../../../workspace/recording/RecordingFileError';
import { importRefusal, parseTags, recordingFileName } from './recordingFile';
import { tapeText, tapeUsedPercent } from './tapeText';

describe('recording files', () => {
  it('names the file after the recording', () => {
    expect(recordingFileName('Three increments!')).toBe('three-increments.orrery-rec');
    expect(recordingFileName('  ')).toBe('recording.orrery-rec');
    expect(recordingFileName('Café  crash / 2')).toBe('cafe-crash-2.orrery-rec');
  });

  it('reads tags as typed', () => {
    expect(parseTags('e2e, counter  crash,,e2e')).toEqual(['e2e', 'counter', 'crash']);
    expect(parseTags('')).toEqual([]);
  });

  it('says why a file was refused: the code, each problem at its place, the hint', () => {
    const error = new RecordingFileError(errorData('ORR504', 'tape[2].t: expected a number'), [
      fileProblem('ORR504', 'tape[2].t', 'a number', 'string'),
    ]);
    const refusal = importRefusal('bad.orrery-rec', error);
    expect(refusal.summary).toBe('bad.orrery-rec: ORR504: tape[2].t: expected a number');
    expect(refusal.problems).toHaveLength(1);
    expect(refusal.problems[0]).toMatch(/^ORR504 tape\[2\]\.t: /);
    expect(refusal.hint).toMatch(/re-export/);
    expect(importRefusal('x', new Error('disk full')).summary).toBe('x: disk full');
  });
});

describe('tape status', () => {
  it('says how much of the budget is used, since Record, and when it was cut short', () => {
    expect(tapeText({ recording: false, inputs: 1200, budget: 500_000 })).toBe('Not recording · 1,200 of 500,000 inputs used.');
    expect(tapeText({ recording: true, startIndex: 1000, inputs: 1001, budget: 500_000 })).toBe(
      'Recording: 1 input since Record · 1,001 of 500,000 inputs used.',
    );
    expect(tapeText({ recording: false, inputs: 10, budget: 10, cutShort: { reason: 'budget of 10 inputs reached', atIndex: 10 } })).toBe(
      'Tape cut short at input 10: budget of 10 inputs reached. 10 of 10 inputs used.',
    );
    expect(tapeUsedPercent({ recording: false, inputs: 250_000, budget: 500_000 })).toBe(50);
  });
});
