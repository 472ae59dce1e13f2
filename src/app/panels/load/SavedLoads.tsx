/**
 * Load experiments kept in the workspace: save the one being edited under its name, open a
 * saved one. The workspace carries them (`loads`), so `orrery run WORKSPACE` runs them in CI.
 */
import { useState } from 'react';
import { useWorkbench } from '../../store/WorkbenchContext';
import { isSavedLoad } from './loadSlice';
import type { LoadDoc } from './loadDoc';

export function SavedLoads({ doc, onOpen }: { doc: LoadDoc; onOpen(doc: LoadDoc): void }) {
  const saved = useWorkbench((s) => s.savedLoads);
  const saveLoad = useWorkbench((s) => s.saveLoad);
  const names = Object.keys(saved);
  const [picked, setPicked] = useState('');
  const current = names.includes(picked) ? picked : (names[0] ?? '');
  const savable = isSavedLoad(doc);
  return (
    <div className="lab-saved" role="group" aria-label="Saved in workspace">
      <button
        type="button"
        className="btn btn-small"
        disabled={!savable}
        title={savable ? `Keep "${String(doc['name'])}" in this workspace` : 'Give the experiment a name first'}
        onClick={() => isSavedLoad(doc) && saveLoad(structuredClone(doc))}
      >
        Save to workspace
      </button>
      {names.length > 0 && (
        <>
          <select
            className="lab-input"
            aria-label="Saved load experiment"
            value={current}
            onChange={(e) => setPicked(e.currentTarget.value)}
          >
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => saved[current] && onOpen(structuredClone(saved[current]) as LoadDoc)}
          >
            Open saved
          </button>
        </>
      )}
    </div>
  );
}
