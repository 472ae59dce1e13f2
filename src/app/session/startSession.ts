/**
 * Start: open the repository and draw the last workspace at once (the canvas preview, a
 * "starting agents" state) while the kernel and agent workers start; then deploy it and
 * begin watching for changes. Nothing waits on the workers before the first paint.
 */
import { emptyWorkspace, formatProblem, uniqueName } from '../../workspace';
import type { WorkspaceRepository } from '../../workspace/persistence/openWorkspaceRepository';
import { APP_ERRORS, errorText } from '../errors';
import type { WorkbenchStore } from '../store/createWorkbenchStore';
import { previewOf } from './previewOf';
import { summary } from './sessionSaving';
import type { SessionContext } from './sessionTypes';

export interface StartDeps {
  openRepository(): Promise<WorkspaceRepository>;
  setRepo(repo: WorkspaceRepository): void;
  /** Begin watching for changes worth saving (after the first restore). */
  watch(): void;
}

function waitForKernel(store: WorkbenchStore): Promise<void> {
  return new Promise<void>((resolve) => {
    if (store.getState().connection.state !== 'connecting') return resolve();
    const off = store.subscribe((s) => {
      if (s.connection.state !== 'connecting') {
        off();
        resolve();
      }
    });
  });
}

export async function startSession(ctx: SessionContext, deps: StartDeps): Promise<void> {
  const { store, session } = ctx;
  const set = session.setState;
  try {
    const repo = await deps.openRepository();
    deps.setRepo(repo);
    const list = await repo.list();
    const id = (await repo.lastOpen()) ?? list[0]?.id;
    const found = id ? await repo.get(id) : undefined;
    set({ list });
    if (found?.ok) {
      set({ current: summary(found.value), startingAgents: true });
      store.getState().setPreview(previewOf(found.value.workspace));
    }
    await waitForKernel(store);
    if (found?.ok) await ctx.open(found.value.id, found.value.name, found.value.workspace);
    else {
      if (found && !found.ok)
        ctx.notify('ORR410', APP_ERRORS.ORR410('The last workspace could not be opened', found.problems.map(formatProblem).join('; ')));
      const name = uniqueName(
        'Workspace 1',
        list.map((w) => w.name),
      );
      await ctx.open(ctx.newId(), name, emptyWorkspace(name));
    }
    set({ phase: 'ready' });
    deps.watch();
  } catch (error) {
    set({ phase: 'error' });
    ctx.notify('ORR413', APP_ERRORS.ORR413(errorText(error)));
  } finally {
    store.getState().setPreview(null);
    set({ startingAgents: false });
  }
}
