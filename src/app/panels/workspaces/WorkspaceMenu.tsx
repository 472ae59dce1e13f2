import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type Ref, type RefObject } from 'react';
import { APP_ERRORS, errorText } from '../../errors';
import { useWorkbenchStore } from '../../store/WorkbenchContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useSession, useWorkspaceSession } from '../../session/WorkspaceContext';
import type { WorkspaceSession } from '../../session/sessionTypes';
import type { WorkbenchStore } from '../../store/createWorkbenchStore';
import { downloadJson } from '../../ui/download';

function SaveStatus() {
  const save = useSession((s) => s.save);
  const phase = useSession((s) => s.phase);
  const text =
    phase === 'error'
      ? 'Not saved'
      : save === 'saving'
        ? 'Saving…'
        : save === 'saved'
          ? 'Saved'
          : save === 'error'
            ? 'Save failed'
            : 'Unsaved changes';
  return (
    <span className={`ws-save ws-save-${save}`} role="status" aria-label="Save status">
      {phase === 'starting' ? 'Opening…' : text}
    </span>
  );
}

/** "Workspaces": the open workspace's name, and a panel to switch, create, rename, delete, export and import. */
export function WorkspaceMenu() {
  const session = useWorkspaceSession();
  const store = useWorkbenchStore();
  const current = useSession((s) => s.current);
  const phase = useSession((s) => s.phase);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(current?.name ?? '');
  const [nameOf, setNameOf] = useState(current?.name);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // The field follows the open workspace's name (adjusted while rendering, not in an effect).
  if (nameOf !== current?.name) {
    setNameOf(current?.name);
    setName(current?.name ?? '');
  }
  useDismiss(open, deleting !== null, panel, button, setOpen);

  if (!session) return null;
  const busy = phase !== 'ready';
  const { fail, onRename, onExport, onImport } = workspaceActions(session, store, name);

  return (
    <div className="ws-menu">
      <button
        ref={button}
        type="button"
        className="btn btn-ghost ws-menu-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls="ws-panel"
        onClick={() => setOpen((o) => !o)}
      >
        Workspaces
      </button>
      <span className="ws-name" aria-label="Current workspace" title="Current workspace">
        {current?.name ?? '…'}
      </span>
      <SaveStatus />
      {open && (
        <WorkspacePanel
          ref={panel}
          busy={busy}
          name={name}
          setName={setName}
          onRename={onRename}
          onExport={onExport}
          onImport={onImport}
          onDelete={setDeleting}
          fail={fail}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete workspace "${deleting.name}"?`}
          body="Its nodes, links, layout, modules and history are removed from this browser. Export it first to keep a copy."
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const { id } = deleting;
            setDeleting(null);
            void session.remove(id).catch(fail('Delete'));
          }}
        />
      )}
    </div>
  );
}

/** The panel's actions; a failure becomes an ORR411 notice naming what failed. */
function workspaceActions(session: WorkspaceSession, store: WorkbenchStore, name: string) {
  const fail = (what: string) => (error: unknown) => store.getState().notify('ORR411', APP_ERRORS.ORR411(what, errorText(error)));
  const onRename = (e: FormEvent) => {
    e.preventDefault();
    void session.rename(name).catch(fail('Rename'));
  };
  const onExport = () => {
    session
      .exportCurrent()
      .then(({ fileName, text }) => downloadJson(fileName, text))
      .catch(fail('Export'));
  };
  const onImport = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    file
      .text()
      .then((text) => session.importText(text, file.name))
      .catch(fail('Import'));
  };
  return { fail, onRename, onExport, onImport };
}

/** Close the panel on Escape or a click outside it (not while a confirmation is open). */
function useDismiss(
  open: boolean,
  confirming: boolean,
  panel: RefObject<HTMLElement | null>,
  button: RefObject<HTMLButtonElement | null>,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !confirming) {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (confirming || panel.current?.contains(t) || button.current?.contains(t)) return;
      setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open, confirming, panel, button, setOpen]);
}

interface PanelProps {
  ref: Ref<HTMLDivElement>;
  busy: boolean;
  name: string;
  setName(name: string): void;
  onRename(e: FormEvent): void;
  onExport(): void;
  onImport(e: ChangeEvent<HTMLInputElement>): void;
  onDelete(workspace: { id: string; name: string }): void;
  fail(what: string): (error: unknown) => void;
}

/** The list of saved workspaces, rename, new, export and import. */
function WorkspacePanel({ ref, busy, name, setName, onRename, onExport, onImport, onDelete, fail }: PanelProps) {
  const session = useWorkspaceSession();
  const current = useSession((s) => s.current);
  const list = useSession((s) => s.list);
  if (!session) return null;
  return (
    <div ref={ref} id="ws-panel" className="ws-panel" role="dialog" aria-label="Workspaces">
      <h2 className="ws-panel-title">Workspaces</h2>
      <ul className="ws-list" aria-label="Saved workspaces">
        {list.map((w) => {
          const isCurrent = w.id === current?.id;
          return (
            <li key={w.id} className={isCurrent ? 'ws-item ws-item-current' : 'ws-item'}>
              <button
                type="button"
                className="btn btn-ghost ws-open"
                aria-label={`Open workspace ${w.name}`}
                aria-current={isCurrent ? 'true' : undefined}
                disabled={busy}
                onClick={() => void session.switchTo(w.id).catch(fail('Switching workspace'))}
              >
                <span aria-hidden="true" className="ws-dot">
                  {isCurrent ? '●' : '○'}
                </span>{' '}
                {w.name}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Delete workspace ${w.name}`}
                disabled={busy}
                onClick={() => onDelete({ id: w.id, name: w.name })}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      <form className="ws-rename" onSubmit={onRename}>
        <label>
          <span>Workspace name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="submit" className="btn btn-small" disabled={busy || !name.trim() || name.trim() === current?.name}>
          Rename
        </button>
      </form>
      <div className="ws-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void session.create().catch(fail('New workspace'))}>
          New workspace
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onExport}>
          Export workspace
        </button>
        <label className={`btn ws-import${busy ? ' ws-disabled' : ''}`}>
          Import workspace…
          <input type="file" accept=".json,application/json" className="visually-hidden" disabled={busy} onChange={onImport} />
        </label>
      </div>
    </div>
  );
}
