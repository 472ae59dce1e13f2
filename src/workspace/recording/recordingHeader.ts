/**
 * The header line: written with modules' bytes in base64, read back through one gate that
 * names each wrong field (`header.modules[1].hash`) and keeps only the known ones.
 */
import { fileProblem } from '../../protocol/errors';
import { RECORDING_SCHEMA, type RecordingHeader, type RecordingModule } from '../../experiments/replay/types';
import { createSha256 } from '../../experiments/simulation/sha256';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { describeReceived } from '../errors';
import type { ProblemList } from '../problemList';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const HEX64 = /^[0-9a-f]{64}$/;
const MAX_TEXT = 1_000;
const MAX_TAGS = 100;
const MAX_MODULES = 1_000;

/** The header as JSON: module bytes become base64 text. */
export function headerToJson(header: RecordingHeader): Json {
  return {
    ...header,
    modules: header.modules.map(({ bytes, ...rest }) => (bytes ? { ...rest, bytes: bytesToBase64(bytes) } : rest)),
  };
}

interface Field {
  problems: ProblemList;
  path: string;
}

function text(value: unknown, f: Field, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value === 'string' && value.length <= MAX_TEXT && (!options.nonEmpty || value.length > 0)) return value;
  f.problems.add(
    fileProblem(
      'ORR504',
      f.path,
      `${options.nonEmpty ? 'a non-empty ' : 'a '}text of at most ${MAX_TEXT} characters`,
      describeReceived(value),
    ),
  );
  return '';
}

function whole(value: unknown, f: Field, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return value;
  f.problems.add(fileProblem('ORR504', f.path, `a whole number from 0 to ${max}`, describeReceived(value)));
  return 0;
}

function finite(value: unknown, f: Field): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  f.problems.add(fileProblem('ORR504', f.path, 'a finite number, 0 or more', describeReceived(value)));
  return 0;
}

const at = (f: Field, key: string | number): Field => ({
  problems: f.problems,
  path: typeof key === 'number' ? `${f.path}[${key}]` : `${f.path}.${key}`,
});

function moduleOf(value: unknown, f: Field): RecordingModule {
  if (!isObject(value)) {
    f.problems.add(fileProblem('ORR504', f.path, 'a module {kind, hash, label, builtin}', describeReceived(value)));
    return { kind: '', hash: '', label: '', builtin: true };
  }
  const module: RecordingModule = {
    kind: text(value.kind, at(f, 'kind'), { nonEmpty: true }),
    // Not only SHA-256: a JavaScript kind (tests, models) is named `js:<kind>`.
    hash: text(value.hash, at(f, 'hash'), { nonEmpty: true }),
    label: text(value.label, at(f, 'label')),
    builtin: value.builtin === true,
  };
  if (typeof value.builtin !== 'boolean')
    f.problems.add(fileProblem('ORR504', `${f.path}.builtin`, 'true or false', describeReceived(value.builtin)));
  if (value.bytes === undefined) return module;
  const bytes = typeof value.bytes === 'string' ? base64ToBytes(value.bytes) : undefined;
  if (!bytes)
    f.problems.add(fileProblem('ORR504', `${f.path}.bytes`, "the component's bytes in base64", describeReceived(value.bytes, 40)));
  else if (HEX64.test(module.hash) && createSha256().update(bytes).hex() !== module.hash)
    f.problems.add(
      fileProblem(
        'ORR504',
        `${f.path}.bytes`,
        `bytes whose SHA-256 is the module's hash ${module.hash.slice(0, 12)}…`,
        `${bytes.length} bytes that hash otherwise`,
      ),
    );
  else module.bytes = bytes;
  return module;
}

function listOf<T>(value: unknown, f: Field, max: number, item: (v: unknown, f: Field) => T): T[] {
  if (Array.isArray(value) && value.length <= max) return value.map((v, i) => item(v, at(f, i)));
  f.problems.add(fileProblem('ORR504', f.path, `a list of at most ${max}`, describeReceived(value)));
  return [];
}

function kernelOptions(value: unknown, f: Field): RecordingHeader['kernel'] {
  if (!isObject(value)) {
    f.problems.add(fileProblem('ORR504', f.path, 'the kernel options {maxMessageBytes?, maxInFlight?}', describeReceived(value)));
    return {};
  }
  const out: RecordingHeader['kernel'] = {};
  if (value.maxMessageBytes !== undefined) out.maxMessageBytes = whole(value.maxMessageBytes, at(f, 'maxMessageBytes'));
  if (value.maxInFlight !== undefined) out.maxInFlight = whole(value.maxInFlight, at(f, 'maxInFlight'));
  return out;
}

function counts(value: unknown, f: Field): RecordingHeader['counts'] {
  if (!isObject(value)) {
    f.problems.add(fileProblem('ORR504', f.path, '{inputs, events, durationMs}', describeReceived(value)));
    return { inputs: 0, events: 0, durationMs: 0 };
  }
  return {
    inputs: whole(value.inputs, at(f, 'inputs')),
    events: whole(value.events, at(f, 'events')),
    durationMs: finite(value.durationMs, at(f, 'durationMs')),
  };
}

function required(h: Json, f: Field): RecordingHeader {
  if (h.schema !== RECORDING_SCHEMA)
    f.problems.add(fileProblem('ORR504', `${f.path}.schema`, JSON.stringify(RECORDING_SCHEMA), describeReceived(h.schema)));
  const createdAt = text(h.createdAt, at(f, 'createdAt'), { nonEmpty: true });
  if (createdAt !== '' && Number.isNaN(Date.parse(createdAt)))
    f.problems.add(fileProblem('ORR504', `${f.path}.createdAt`, 'an ISO 8601 date', describeReceived(createdAt)));
  if (h.clockMode !== 'simulation' && h.clockMode !== 'live')
    f.problems.add(fileProblem('ORR504', `${f.path}.clockMode`, '"simulation" or "live"', describeReceived(h.clockMode)));
  const logHash = typeof h.logHash === 'string' && HEX64.test(h.logHash) ? h.logHash : '';
  if (logHash === '')
    f.problems.add(fileProblem('ORR504', `${f.path}.logHash`, 'a SHA-256 in 64 lowercase hex digits', describeReceived(h.logHash)));
  return {
    schema: RECORDING_SCHEMA,
    id: text(h.id, at(f, 'id'), { nonEmpty: true }),
    name: text(h.name, at(f, 'name')),
    tags: listOf(h.tags, at(f, 'tags'), MAX_TAGS, (v, g) => text(v, g)),
    createdAt,
    clockMode: h.clockMode === 'live' ? 'live' : 'simulation',
    kernelSeed: whole(h.kernelSeed, at(f, 'kernelSeed'), 0xffffffff),
    kernel: kernelOptions(h.kernel, at(f, 'kernel')),
    modules: listOf(h.modules, at(f, 'modules'), MAX_MODULES, moduleOf),
    startIndex: whole(h.startIndex, at(f, 'startIndex')),
    counts: counts(h.counts, at(f, 'counts')),
    logHash,
  };
}

/** The header, or problems in `problems` (paths under `header.`). Unknown fields are dropped. */
export function headerFromJson(value: unknown, problems: ProblemList): RecordingHeader {
  const f: Field = { problems, path: 'header' };
  const h: Json = isObject(value) ? value : {};
  if (!isObject(value)) problems.add(fileProblem('ORR504', 'header', 'the recording header object', describeReceived(value)));
  const header = required(h, f);
  if (h.simulationSeed !== undefined) header.simulationSeed = whole(h.simulationSeed, at(f, 'simulationSeed'), 0xffffffff);
  if (h.workspace !== undefined) header.workspace = h.workspace;
  if (h.chaos !== undefined) header.chaos = h.chaos;
  if (h.load !== undefined) header.load = h.load;
  if (h.cutShort !== undefined) {
    const c = h.cutShort;
    if (isObject(c))
      header.cutShort = { reason: text(c.reason, at(f, 'cutShort.reason')), atIndex: whole(c.atIndex, at(f, 'cutShort.atIndex')) };
    else problems.add(fileProblem('ORR504', 'header.cutShort', '{reason, atIndex}', describeReceived(c)));
  }
  return header;
}
