/** Named workspaces: new, rename, switch, delete, export and import. */
import {
  emptyWorkspace,
  formatProblem,
  importedName,
  importWorkspace,
  MAX_FILE_BYTES,
  serializeWorkspace,
  uniqueName,
  workspaceFileName,
} from '../../workspace';
import type { SessionContext, WorkspaceSession } from './sessionTypes';

type WorkspaceOps = Pick<WorkspaceSession, 'create' | 'rename' | 'switchTo' | 'remove' | 'exportCurrent' | 'importText'>;

export function workspaceOps(ctx: SessionContext): WorkspaceOps {
  return { ...namedOps(ctx), ...fileOps(ctx) };
}

function namedOps(ctx: SessionContext): Pick<WorkspaceSession, 'create' | 'rename' | 'switchTo' | 'remove'> {
  const { session } = ctx;
  const set = session.setState;
  const names = () => session.getState().list.map((w) => w.name);

  const create = (name?: string) =>
    ctx.busy(async () => {
      await ctx.flush();
      const chosen = uniqueName(name ?? `Workspace ${session.getState().list.length + 1}`, names());
      await ctx.open(ctx.newId(), chosen, emptyWorkspace(chosen));
    });

  const rename = (name: string) =>
    ctx.busy(async () => {
      const current = session.getState().current;
      const trimmed = name.trim();
      if (!current || !trimmed) return false;
      if (trimmed !== current.name && names().includes(trimmed)) {
        set({ refusal: { title: 'Rename refused', problems: [`name: expected a name no other workspace has, received "${trimmed}"`] } });
        return false;
      }
      set({ current: { ...current, name: trimmed }, refusal: null });
      await ctx.saveNow();
      return true;
    });

  const switchTo = (id: string) =>
    ctx.busy(async () => {
      const repo = ctx.repo();
      if (!repo || session.getState().current?.id === id) return;
      await ctx.flush();
      const found = await repo.get(id);
      if (!found) return;
      if (!found.ok) {
        set({ refusal: { title: 'This workspace cannot be opened', problems: found.problems.map(formatProblem) } });
        return;
      }
      await ctx.open(found.value.id, found.value.name, found.value.workspace);
    });

  const remove = (id: string) =>
    ctx.busy(async () => {
      const repo = ctx.repo();
      if (!repo) return;
      const isCurrent = session.getState().current?.id === id;
      if (isCurrent) await ctx.discard();
      await repo.delete(id);
      const list = await repo.list();
      set({ list });
      if (!isCurrent) return;
      const next = list[0];
      const found = next ? await repo.get(next.id) : undefined;
      if (next && found?.ok) await ctx.open(next.id, next.name, found.value.workspace);
      else {
        const name = uniqueName(
          'Workspace 1',
          list.map((w) => w.name),
        );
        await ctx.open(ctx.newId(), name, emptyWorkspace(name));
      }
    });

  return { create, rename, switchTo, remove };
}

/** Export and import: the workspace as a `.json` file. */
function fileOps(ctx: SessionContext): Pick<WorkspaceSession, 'exportCurrent' | 'importText'> {
  const { session } = ctx;
  const set = session.setState;
  const names = () => session.getState().list.map((w) => w.name);
  const knownKinds = () => new Set(ctx.store.getState().kinds.map((k) => k.kind));

  const exportCurrent = async () => {
    const ws = ctx.captureNow(session.getState().current?.name ?? 'Workspace');
    return { fileName: workspaceFileName(ws), text: serializeWorkspace(ws) };
  };

  const importText = (text: string, fileName?: string) =>
    ctx.busy(async () => {
      const title = `${fileName ?? 'The file'} was not imported`;
      if (text.length > MAX_FILE_BYTES) {
        set({ refusal: { title, problems: [`(root): expected at most ${MAX_FILE_BYTES} bytes, received ${text.length}`] } });
        return false;
      }
      const checked = importWorkspace(text, { knownKinds: knownKinds() });
      if (!checked.ok) {
        set({ refusal: { title, problems: checked.problems.map(formatProblem) } });
        return false;
      }
      set({ refusal: null });
      await ctx.flush();
      const name = importedName(checked.value, fileName, names());
      await ctx.open(ctx.newId(), name, { ...checked.value, name });
      return true;
    });

  return { exportCurrent, importText };
}
