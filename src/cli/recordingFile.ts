/**
 * `.orrery-rec` files for the runner: read streamed from disk (a refused file is invalid
 * input: its ORR5xx line and problems, never a stack), written streamed (--record).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Recording } from '../experiments/replay/types';
import { formatRecordingFileError, readRecording, RecordingFileError, writeRecording } from '../workspace/recording';
import { InputError } from './exitCodes';
import { fileError } from './readExperiment';

export async function readRecordingFile(file: string): Promise<Recording> {
  try {
    if ((await stat(file)).isDirectory()) throw new InputError(`${file}: is a directory, expected a recording file`);
    return await readRecording(createReadStream(file, { highWaterMark: 256 * 1024 }));
  } catch (e) {
    if (e instanceof RecordingFileError) throw new InputError(`${file}: ${formatRecordingFileError(e)}`);
    if (e instanceof InputError) throw e;
    throw fileError(file, e) ?? e;
  }
}

export async function writeRecordingFile(flag: string, file: string, recording: Recording): Promise<void> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    await Promise.race([
      failed,
      (async () => {
        for await (const chunk of writeRecording(recording)) if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
        out.end();
        await once(out, 'finish');
      })(),
    ]);
  } catch (e) {
    out.destroy();
    throw fileError(`${flag} ${file}`, e) ?? e;
  }
}
