/**
 * The files `orrery load` reads besides the experiment (a baseline) and writes (summary
 * export, HTML report, text summary, baseline): each checked before the run starts, so a
 * typo in a path costs no load run.
 */
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseBaseline, type Baseline } from '../experiments/load/summary';
import { InputError } from './exitCodes';
import { fileError, readJsonText } from './readExperiment';

const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** The folder that holds `path`, or its nearest ancestor that exists (missing folders are created on write). */
async function nearestFolder(path: string): Promise<string> {
  let dir = dirname(resolve(path));
  while (dirname(dir) !== dir && !(await stat(dir).catch(() => undefined))) dir = dirname(dir);
  return dir;
}

/** Refuses an output path that cannot be written (a folder, a read-only folder, a file where a folder should be). */
export async function checkWritable(flag: string, file: string | undefined): Promise<void> {
  if (file === undefined) return;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new InputError(`${flag} ${file}: is a directory, expected a file name`);
  const folder = await nearestFolder(file);
  if (!(await stat(folder)).isDirectory()) throw new InputError(`${flag} ${file}: ${folder} is a file, expected a folder`);
  try {
    await access(folder, constants.W_OK);
  } catch (e) {
    throw fileError(`${flag} ${file}`, e) ?? new InputError(`${flag} ${file}: the folder cannot be written`);
  }
}

/** --report, --json and --junit (those given): each path checked before the run. */
export async function checkOutputs(cli: { report?: string; json?: string; junit?: string }): Promise<void> {
  await checkWritable('--report', cli.report);
  await checkWritable('--json', cli.json);
  await checkWritable('--junit', cli.junit);
}

/** Writes an output, creating its folder (`--junit reports/orrery.xml` in a fresh checkout). */
export async function writeOutput(flag: string, file: string | undefined, text: string): Promise<void> {
  if (file === undefined) return;
  try {
    await mkdir(dirname(resolve(file)), { recursive: true });
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
