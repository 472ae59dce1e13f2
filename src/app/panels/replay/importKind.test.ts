import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRecording } from '../../../workspace/recording';
import { sampleRecording } from '../../../browser/replay/fixtures';
import { sniffImportKind } from './importKind';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffImportKind', () => {
  it('sends a .orrery-rec file (gzip) to the recording reader', async () => {
    expect(sniffImportKind(await encodeRecording(await sampleRecording()))).toBe('recording');
    expect(sniffImportKind(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('recording');
  });

  it('recognises JADE logs: a message first, or a timestamp before it, after separators and a byte order mark', () => {
    for (const log of [
      '(REQUEST :sender (agent-identifier :name a) :receiver (set b))',
      '\uFEFF\n\n  (inform :sender a :receiver b)',
      '2026-12-06 15:30:00,000 - (REQUEST',
      '----------\n[2026-12-06T15:30:00.250Z]\n(AGREE',
      '1765035000000 | (inform',
    ])
      expect([log, sniffImportKind(bytes(log))]).toEqual([log, 'jade-log']);
  });

  it('leaves anything else to the recording reader, which refuses it with its reason', () => {
    for (const other of ['', '   \n', '{"schema":"orrery.recording/1"}', 'hello (world)', 'PK\u0003\u0004', 'INFO 2026-12-06 (x)'])
      expect([other, sniffImportKind(bytes(other))]).toEqual([other, 'recording']);
  });

  it('never throws, whatever the bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (head) => ['recording', 'jade-log'].includes(sniffImportKind(head))));
  });
});
