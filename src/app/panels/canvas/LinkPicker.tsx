import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { shallow } from 'zustand/shallow';
import { useActions } from '../../actions/ActionsContext';
import { useWorkbench, useWorkbenchStore, useWorkbenchWith } from '../../store/WorkbenchContext';
import { linkSource, linkTargets } from './linkTargets';

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.monaco-editor')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `L` with one node selected opens "Link to…" (never while typing). */
export function useLinkShortcut(): void {
  const store = useWorkbenchStore();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key.toLowerCase() !== 'l' || isTextTarget(e.target)) return;
      const from = linkSource(store.getState());
      if (!from) return;
      e.preventDefault();
      store.getState().openLinkPicker(from);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/**
 * "Link to…": the other end of a new link, picked by keyboard (type to filter, Tab or
 * arrows to move, Enter to link) or by pointer. A modal dialog: Escape closes it.
 */
export function LinkPicker() {
  const from = useWorkbench((s) => s.linkPicker);
  const close = useWorkbench((s) => s.openLinkPicker);
  const actions = useActions();
  const [filter, setFilter] = useState('');
  const targets = useWorkbenchWith((s) => (from ? linkTargets(s, from, filter) : []), shallowTargets);
  const ref = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (from && !dialog.open) {
      setFilter('');
      dialog.showModal();
    }
    if (!from && dialog.open) dialog.close();
  }, [from]);

  const link = (to: string) => {
    if (!from) return;
    close(null);
    void actions.run('link.add', { a: from, b: to });
  };
  // Arrow keys move between the choices as well as Tab does.
  const onListKey = (e: ReactKeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    e.preventDefault();
  };

  return (
    <dialog ref={ref} className="link-picker" aria-labelledby="link-picker-title" onClose={() => close(null)}>
      <h2 id="link-picker-title">Link {from} to…</h2>
      <input
        className="input"
        type="search"
        aria-label="Filter nodes"
        placeholder="Filter nodes"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && targets[0]) link(targets[0].name);
          if (e.key === 'ArrowDown') list.current?.querySelector('button')?.focus();
        }}
      />
      {targets.length === 0 ? (
        <p className="muted">No node left to link {from} to.</p>
      ) : (
        <ul ref={list} className="link-picker-list" aria-label="Nodes to link to" onKeyDown={onListKey}>
          {targets.map((t) => (
            <li key={t.name}>
              <button type="button" className="btn link-picker-item" aria-label={`Link to ${t.name}`} onClick={() => link(t.name)}>
                <span className="mono">{t.name}</span> <span className="muted small">{t.type}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-ghost btn-small" onClick={() => close(null)}>
        Cancel
      </button>
    </dialog>
  );
}

function shallowTargets(a: { name: string }[], b: { name: string }[]): boolean {
  return shallow(
    a.map((t) => t.name),
    b.map((t) => t.name),
  );
}
