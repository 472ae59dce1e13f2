/**
 * The JADE import worker's API as the page reaches it: exposed with comlink on a message port
 * (as jadeImport.worker.ts does on the worker's own), so what crosses is structured-cloned like
 * between the page and the worker. The Recording that comes back opens and plays in the
 * playback worker's session; a broken log comes back as ORR513 data naming the entry.
 */
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaybackSession } from './createPlaybackSession';
import { exposeJadeImport, type JadeImportApi } from './importJadeInWorker';

const LOG = readFileSync(new URL('../../../e2e/interop/fixtures/book-trade.acl.txt', import.meta.url), 'utf8');
const ports: MessagePort[] = [];

function remoteImport(): Comlink.Remote<JadeImportApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  exposeJadeImport(port1);
  return Comlink.wrap<JadeImportApi>(port2);
}

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** A log of `n` request/inform pairs (2n entries), the answer 5 ms after its request. */
function bigLog(n: number): string {
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 11, 6) + i * 10).toISOString();
    const later = new Date(Date.UTC(2026, 11, 6) + i * 10 + 5).toISOString();
    entries.push(
      `${at} (request :sender (agent-identifier :name a${i % 7}) :receiver (set (agent-identifier :name b)) :content "q${i}" :conversation-id c${i})`,
    );
    entries.push(`${later} (inform :sender b :receiver (set a${i % 7}) :content "r${i}" :in-reply-to c${i} :conversation-id c${i})`);
  }
  return entries.join('\n');
}

describe('the JADE import worker API', () => {
  it('imports a log (text or file) into a Recording that plays back in the playback session', async () => {
    const api = remoteImport();
    for (const log of [LOG, new Blob([LOG], { type: 'text/plain' })]) {
      const outcome = await api.importJadeLog(log, { name: 'book trade' });
      if (!outcome.ok) throw new Error(outcome.error.message);
      expect(outcome.recording.header).toMatchObject({ name: 'book trade', tags: ['jade'], clockMode: 'live' });
      expect(outcome.timeOrigin).toBe(Date.parse('2026-12-06T15:30:00.000Z'));
      const playback = createPlaybackSession({ now: () => 0, every: () => () => undefined });
      const opened = await playback.open(outcome.recording);
      if ('error' in opened) throw new Error(opened.error.message);
      expect(opened.conversations.map((c) => c.id)).toEqual(['book-1']);
      const end = await playback.seek({ to: 'seq', seq: opened.position.last });
      const sent = (await playback.events(opened.position.first, end.seq)).filter((e) => e.type === 'message.sent');
      expect(sent).toHaveLength(3);
    }
  });

  it('answers a broken log with ORR513 as data, naming the entry and the problem', async () => {
    const outcome = await remoteImport().importJadeLog('(inform :sender a :receiver (set b))\n(agree :receiver (set a))', { name: 'x' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'ORR513', path: 'entry 2', message: expect.stringMatching(/entry 2: the message has no :sender/) as unknown },
    });
  });

  it('imports a log of 4,000 entries whole: every message on the tape, in order', async () => {
    const outcome = await remoteImport().importJadeLog(bigLog(2000), { name: 'big' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const sends = outcome.recording.tape.filter((e) => e.input.type === 'message.send');
    expect(sends).toHaveLength(4000);
    expect(outcome.recording.header.counts.durationMs).toBe(1999 * 10 + 5);
  });
});
