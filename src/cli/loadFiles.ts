/**
 * The files `orrery load` reads besides the experiment (a baseline) and writes (summary
 * export, HTML report, text summary, baseline): each checked before the run starts, so a
 * typo in a path costs no load run.
 */
import { access, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseBaseline, type Baseline } from '../experiments/load/summary';
import { InputError } from './exitCodes';
import { fileError, readJsonText } from './readExperiment';

const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Refuses an output path that cannot be written (a folder, a missing or read-only folder). */
export async function checkWritable(flag: string, file: string | undefined): Promise<void> {
  if (file === undefined) return;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new InputError(`${flag} ${file}: is a directory, expected a file name`);
  try {
    await access(dirname(resolve(file)), constants.W_OK);
  } catch (e) {
    throw fileError(`${flag} ${file}`, e) ?? new InputError(`${flag} ${file}: the folder cannot be written`);
  }
}

export async function writeOutput(flag: string, file: string | undefined, text: string): Promise<void> {
  if (file === undefined) return;
  try {
    await writeFile(file, text);
  } catch (e) {
    throw fileError(`${flag} ${file}`, e) ?? e;
  }
}

/** A baseline saved by --save-baseline (or the Load tab), or an InputError saying what the file is instead. */
export async function readBaselineFile(file: string): Promise<Baseline> {
  const text = await readJsonText(`${file}`, MAX_BASELINE_BYTES).catch((e: unknown) => {
    if (e instanceof InputError) throw new InputError(`--baseline ${e.message}`);
    throw e;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      `--baseline ${file}: expected JSON written by --save-baseline, received text that does not parse (${(e as Error).message})`,
    );
  }
  const parsed = parseBaseline(json);
  if (!parsed.ok) throw new InputError(`--baseline ${file}: expected ${parsed.expected}, received ${parsed.received}`);
  return parsed.baseline;
}
