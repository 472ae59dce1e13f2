/**
 * A `.orrery-rec` file back into a Recording, streamed: lines are decompressed, parsed and
 * checked one at a time, the event loop gets a turn every few milliseconds, and the file
 * is refused with its reason (RecordingFileError, ORR501–ORR505) at the first sign.
 * Nothing is returned unless the whole file was read and found sound.
 */
import { errorData, fileProblem } from '../../protocol/errors';
import type { Recording, RecordingHeader, TapeEntry } from '../../experiments/replay/types';
import { createProblemList, type ProblemList } from '../problemList';
import { byteChunks, type RecordingSource } from './byteChunks';
import { decompressedLines } from './decompressedLines';
import { RECORDING_FILE_KIND, RECORDING_FILE_LIMITS, RECORDING_FILE_VERSION } from './format';
import { planMigration, type MigrationPlan } from './migrations';
import { RecordingFileError, refuse } from './RecordingFileError';
import { headerFromJson } from './recordingHeader';
import { checkTapeEntry, tapeEntryOf } from './validateTapeEntry';
import { createYielder } from './yieldToEventLoop';

export type { RecordingSource } from './byteChunks';

export interface ReadOptions {
  /** The file's size as stored (compressed); RECORDING_FILE_LIMITS.maxBytes by default. */
  maxBytes?: number;
  maxDecodedBytes?: number;
  maxEntries?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const decoder = () => new TextDecoder('utf-8', { fatal: true });

function parseLine(bytes: Uint8Array, lineNo: number, code: 'ORR501' | 'ORR503'): unknown {
  try {
    return JSON.parse(decoder().decode(bytes));
  } catch {
    throw code === 'ORR501'
      ? refuse('ORR501', 'not an Orrery recording (its first line is not JSON)')
      : refuse('ORR503', `line ${lineNo} is not JSON: the file is damaged`);
  }
}

/** The first line: what the file is and which version; the header, migrated and checked. */
function readFirstLine(value: unknown, problems: ProblemList): { header: RecordingHeader; plan: MigrationPlan } {
  if (!isObject(value) || value.orrery !== RECORDING_FILE_KIND) {
    const other = isObject(value) && typeof value.orrery === 'string' ? `an Orrery ${value.orrery} file` : 'JSON of another kind';
    throw refuse('ORR501', `not an Orrery recording (${other})`, { expected: `"orrery": "${RECORDING_FILE_KIND}"`, received: other });
  }
  const { version } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new RecordingFileError(
      errorData('ORR504', 'the file version is not a version', {
        path: 'version',
        expected: 'a whole number from 1',
        received: String(version),
      }),
    );
  if (version > RECORDING_FILE_VERSION)
    throw refuse('ORR502', `written by a newer Orrery (recording version ${version}; this one reads up to ${RECORDING_FILE_VERSION})`, {
      expected: `version ${RECORDING_FILE_VERSION} or older`,
      received: `version ${version}`,
    });
  const plan = planMigration(version);
  const raw = isObject(value.header) ? plan.header(value.header) : value.header;
  return { header: headerFromJson(raw, problems), plan };
}

interface TapeState {
  entries: TapeEntry[];
  count: number;
  lastT: number;
}

function readTapeLine(
  value: Record<string, unknown>,
  lineNo: number,
  state: TapeState,
  plan: MigrationPlan,
  problems: ProblemList,
  maxEntries: number,
): void {
  const { at, tape } = value;
  if (!Array.isArray(tape)) {
    problems.add(
      fileProblem(
        'ORR504',
        `(line ${lineNo})`,
        'a tape line {"at", "tape": […]} or the end line',
        Object.keys(value).join(', ') || 'an empty object',
      ),
    );
    return;
  }
  if (at !== state.count)
    throw refuse('ORR503', `a tape line is missing or repeated (line ${lineNo} starts at entry ${String(at)}, expected ${state.count})`);
  if (state.count + tape.length > maxEntries)
    throw refuse('ORR505', `more than ${maxEntries} tape entries`, {
      expected: `at most ${maxEntries} entries`,
      received: `more than ${state.count + tape.length}`,
    });
  for (const raw of tape) {
    const entry = plan.entry(raw);
    state.lastT = checkTapeEntry(entry, state.count, state.lastT, problems);
    // Once the file is known to be refused, keep checking but stop holding entries.
    if (problems.count === 0) state.entries.push(tapeEntryOf(entry));
    state.count++;
    if (problems.full) return;
  }
}

function checkEnd(value: unknown, state: TapeState): void {
  const end = isObject(value) ? value : {};
  if (end.entries !== state.count)
    throw refuse('ORR503', `the end line counts ${String(end.entries)} tape entries, the file holds ${state.count}`);
}

function checkAgainstTape(header: RecordingHeader, count: number, problems: ProblemList): void {
  if (header.counts.inputs !== count)
    problems.add(fileProblem('ORR504', 'header.counts.inputs', `the number of tape entries (${count})`, String(header.counts.inputs)));
  if (header.startIndex > count)
    problems.add(fileProblem('ORR504', 'header.startIndex', `a tape index from 0 to ${count}`, String(header.startIndex)));
  if (header.cutShort && header.cutShort.atIndex > count)
    problems.add(fileProblem('ORR504', 'header.cutShort.atIndex', `a tape index from 0 to ${count}`, String(header.cutShort.atIndex)));
}

function invalid(problems: ProblemList): RecordingFileError {
  const list = problems.problems();
  const first = list[0]!;
  const more = problems.count > 1 ? ` (and ${problems.full ? 'many' : problems.count - 1} more)` : '';
  return new RecordingFileError(errorData('ORR504', `${first.path}: ${first.message}${more}`), list);
}

/** Reads and checks a whole recording; throws RecordingFileError with the reason. */
export async function readRecording(source: RecordingSource, options: ReadOptions = {}): Promise<Recording> {
  const limits = { ...RECORDING_FILE_LIMITS, ...options };
  const problems = createProblemList();
  const breathe = createYielder();
  const state: TapeState = { entries: [], count: 0, lastT: 0 };
  let first: { header: RecordingHeader; plan: MigrationPlan } | undefined;
  let ended = false;
  let lineNo = 0;
  for await (const bytes of decompressedLines(byteChunks(source), limits)) {
    lineNo++;
    if (ended) {
      if (bytes.length === 0) continue;
      throw refuse('ORR503', `data after the end line (line ${lineNo})`);
    }
    const value = parseLine(bytes, lineNo, first ? 'ORR503' : 'ORR501');
    if (!first) first = readFirstLine(value, problems);
    else if (isObject(value) && value.end !== undefined) {
      checkEnd(value.end, state);
      ended = true;
    } else if (isObject(value)) readTapeLine(value, lineNo, state, first.plan, problems, limits.maxEntries);
    else problems.add(fileProblem('ORR504', `(line ${lineNo})`, 'a tape line or the end line', typeof value));
    if (problems.full) throw invalid(problems);
    await breathe();
  }
  if (!first) throw refuse('ORR501', 'not an Orrery recording (it decompresses to nothing)');
  if (!ended) throw refuse('ORR503', `the file ends early, after ${state.count} tape entries and before its end line: it was cut short`);
  checkAgainstTape(first.header, state.count, problems);
  if (problems.count > 0) throw invalid(problems);
  return { header: first.header, tape: state.entries };
}
