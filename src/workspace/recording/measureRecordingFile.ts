/**
 * Writes and reads a synthetic recording through a real file, streamed both ways, and
 * prints time, size and heap. Run: `node --expose-gc --import tsx src/workspace/recording/measureRecordingFile.ts [entries]`
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readRecording } from './readRecording';
import { syntheticRecording } from './syntheticRecording';
import { writeRecording } from './writeRecording';

const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heap = () => process.memoryUsage().heapUsed;

/** Peak heap while `work` runs, sampled on every turn of the event loop it gives. */
async function peakDuring<T>(work: () => Promise<T>): Promise<{ value: T; peak: number; ms: number; cpuMs: number }> {
  let peak = heap();
  const timer = setInterval(() => (peak = Math.max(peak, heap())), 1);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  clearInterval(timer);
  // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
  return { value, peak: Math.max(peak, heap()), ms, cpuMs: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  const entries = Number(process.argv[2] ?? 1_000_000);
  const file = join(tmpdir(), `measure-${process.pid}.orrery-rec`);
  gc();
  const before = heap();
  const recording = syntheticRecording(entries);
  gc();
  const held = heap();
  const write = await peakDuring(async () => {
    const out = createWriteStream(file);
    for await (const chunk of writeRecording(recording)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  });
  const size = (await stat(file)).size;
  gc();
  const read = await peakDuring(() => readRecording(createReadStream(file, { highWaterMark: 256 * 1024 })));
  if (read.value.tape.length !== entries) throw new Error('read back a different tape');
  await unlink(file);
  const f = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
  console.log(`${entries} entries; recording in memory: ${f(held - before)}`);
  console.log(
    `write: ${write.ms.toFixed(0)} ms (${write.cpuMs.toFixed(0)} ms CPU), file ${f(size)}, heap peak above the recording ${f(write.peak - held)}`,
  );
  console.log(
    `read:  ${read.ms.toFixed(0)} ms (${read.cpuMs.toFixed(0)} ms CPU), heap peak above the recording ${f(read.peak - held)} (the copy read back is one more recording)`,
  );
}

void main();
