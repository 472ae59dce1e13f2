/**
 * The one gate every workspace passes before it is used: parse, recognise, check the
 * version's schema, migrate, check the current schema, then the cross-references a
 * schema cannot express (`crossCheck.ts`). Returns the workspace or its problems (the
 * first 50 and a line summing up the rest; checking stops early on a very broken file),
 * never throws. Fields are read as own keys only: a prototype never supplies one.
 */
import { crossCheck, type CrossCheckOptions } from './crossCheck';
import { fileProblem } from '../protocol/errors';
import { describeReceived, type Checked, type WorkspaceProblem } from './errors';
import { WORKSPACE_LIMITS } from './limits';
import { migrate, OLDEST_VERSION, SCHEMA_OF_VERSION } from './migrations';
import { CURRENT_VERSION, WORKSPACE_MARKER, type Workspace } from './model';
import { createProblemList } from './problemList';
import { checkSchema } from './schemaProblems';

export type ValidateOptions = CrossCheckOptions;

/** Parse text (a file, an IndexedDB record) and validate it. */
export function parseWorkspace(text: string, options: ValidateOptions = {}): Checked<Workspace> {
  if (text.length > WORKSPACE_LIMITS.fileBytes) {
    return fail(fileProblem('ORR204', '(root)', `a file of at most ${WORKSPACE_LIMITS.fileBytes} characters`, `${text.length} characters`));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(fileProblem('ORR201', '(root)', 'JSON text', `text that does not parse (${detail})`));
  }
  return validateWorkspace(value, options);
}

export function validateWorkspace(value: unknown, options: ValidateOptions = {}): Checked<Workspace> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(fileProblem('ORR202', '(root)', 'an object {"orrery": "workspace", "version": N, ...}', describeReceived(value)));
  }
  const doc = value as Record<string, unknown>;
  const marker = own(doc, 'orrery');
  if (marker !== WORKSPACE_MARKER) return fail(fileProblem('ORR202', 'orrery', JSON.stringify(WORKSPACE_MARKER), describeReceived(marker)));
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION || version > CURRENT_VERSION) {
    return fail(fileProblem('ORR203', 'version', `a whole number from ${OLDEST_VERSION} to ${CURRENT_VERSION}`, describeReceived(version)));
  }
  const list = createProblemList();
  checkSchema(SCHEMA_OF_VERSION[version]!, doc, list);
  if (list.count > 0) return { ok: false, problems: list.problems() };
  const migrated = migrate(withoutSchemaMarker(doc), version);
  if (version !== CURRENT_VERSION) {
    checkSchema('workspace-v2', migrated, list);
    if (list.count > 0) return { ok: false, problems: list.problems() };
  }
  const workspace = migrated as Workspace;
  crossCheck(workspace, options, list);
  return list.count > 0 ? { ok: false, problems: list.problems() } : { ok: true, value: workspace };
}

function own(doc: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(doc, key) ? doc[key] : undefined;
}

/**
 * `$schema` belongs to the file, not to the workspace: it is dropped on the way in and
 * written again by `serializeWorkspace`, so a document compares equal however it came.
 */
function withoutSchemaMarker(doc: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(doc, '$schema')) return doc;
  const rest = { ...doc };
  delete rest.$schema;
  return rest;
}

function fail(p: WorkspaceProblem): Checked<Workspace> {
  return { ok: false, problems: [p] };
}
