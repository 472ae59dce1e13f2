import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importJadeLog } from '../../experiments/interop';
import { readRecording, encodeRecording } from '../../workspace/recording';
import { createPlaybackSession } from './createPlaybackSession';

const LOG = readFileSync(new URL('../../../e2e/interop/fixtures/book-trade.acl.txt', import.meta.url), 'utf8');

/** A session whose frames never fire: the test moves the cursor itself. */
const session = () => createPlaybackSession({ now: () => 0, every: () => () => undefined });

describe('a JADE log imported as a recording, in the playback worker’s session', () => {
  it('opens (its log hash holds), shows its agents from the start and plays every message to the end', async () => {
    const { recording } = importJadeLog(LOG, { name: 'book trade' });
    const playback = session();
    const opened = await playback.open(recording);
    if ('error' in opened) throw new Error(opened.error.message);
    expect(opened.header.name).toBe('book trade');
    expect(opened.conversations.map((c) => c.id)).toEqual(['book-1']);
    const clients = [...(await playback.snapshot()).clients].sort();
    expect(clients).toEqual(['audit@host:1099/JADE', 'buyer@host:1099/JADE', 'seller@host:1099/JADE']);

    const end = await playback.seek({ to: 'seq', seq: opened.position.last });
    expect(end.seq).toBe(opened.position.last);
    const sent = (await playback.events(opened.position.first, end.seq + 1)).filter((e) => e.type === 'message.sent');
    // Kernel time is epoch ms (each entry at its timestamp), as on the live kernel
    const origin = Date.parse('2026-12-06T15:30:00.000Z');
    expect(sent.map((e) => (e.type === 'message.sent' ? [e.message.performative, e.message.sender, e.t - origin] : []))).toEqual([
      ['request', 'buyer@host:1099/JADE', 0],
      ['agree', 'seller@host:1099/JADE', 250],
      ['inform', 'seller@host:1099/JADE', 1000],
    ]);
  });

  it('survives the .orrery-rec file (the library keeps it) and opens from the file too', async () => {
    const { recording } = importJadeLog(LOG, { name: 'book trade' });
    const bytes = await encodeRecording(recording);
    const read = await readRecording(bytes);
    expect(read.header.logHash).toBe(recording.header.logHash);
    expect(await session().openFile(bytes)).toMatchObject({ header: { name: 'book trade' } });
  });
});
