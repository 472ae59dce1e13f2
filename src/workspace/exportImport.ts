/**
 * The `.json` file: what Export writes and Import reads. The file is the workspace
 * document itself (`{"orrery": "workspace", "version": N, ...}`); reading it goes
 * through the same gate as everything else (`validateWorkspace`).
 */
import type { Checked } from './errors';
import { WORKSPACE_LIMITS } from './limits';
import type { Workspace } from './model';
import { WORKSPACE_SCHEMA_ID } from './schema';
import { parseWorkspace, type ValidateOptions } from './validateWorkspace';

/** Files bigger than this are refused before parsing (modules are base64 inside). */
export const MAX_FILE_BYTES = WORKSPACE_LIMITS.fileBytes;

/** The file text: `$schema` first (editors find the schema by it), then the document. */
export function serializeWorkspace(ws: Workspace): string {
  const { $schema: _ignored, ...doc } = ws as Workspace & { $schema?: string };
  return `${JSON.stringify({ $schema: WORKSPACE_SCHEMA_ID, ...doc }, null, 2)}\n`;
}

export function workspaceFileName(ws: Pick<Workspace, 'name'>): string {
  const slug = ws.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'workspace'}.orrery.json`;
}

export function importWorkspace(text: string, options: ValidateOptions = {}): Checked<Workspace> {
  return parseWorkspace(text, options);
}

/** `base` if free, else `base (2)`, `base (3)`, … */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = base.trim() || 'Workspace';
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The name for an imported file: its own name, else the file's name without extensions. */
export function importedName(ws: Workspace, fileName: string | undefined, taken: Iterable<string>): string {
  const fromFile = fileName?.replace(/(\.orrery)?\.json$/i, '');
  return uniqueName(ws.name || fromFile || 'Imported', taken);
}
