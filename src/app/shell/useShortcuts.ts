import { useEffect } from 'react';
import type { ActionManager } from '../actions/createActionManager';
import { shortcutOf } from '../actions/createActionManager';

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Global keyboard shortcuts from the action registry (never while typing). */
export function useShortcuts(actions: ActionManager): void {
  useEffect(() => {
    for (const clash of actions.clashes) {
      console.warn(`Shortcut ${clash.shortcut} is claimed by ${clash.actions.join(' and ')}; the first wins.`);
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextTarget(event.target)) return;
      const action = actions.byShortcut(shortcutOf(event));
      if (!action) return;
      // Shortcut actions take no arguments beyond the current selection.
      const args = {} as never;
      if (!actions.canRun(action.id, args)) return;
      event.preventDefault();
      void actions.run(action.id, args);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions]);
}
