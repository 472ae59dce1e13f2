import { useEffect, useMemo, useRef, useState } from 'react';
import { formatProblem, type Scenario } from '../../../workspace';
import { APP_ERRORS, errorText } from '../../errors';
import { useWorkbench, useWorkbenchStore } from '../../store/WorkbenchContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useSession, useWorkspaceSession } from '../../session/WorkspaceContext';

function PatternCards({ scenarios, busy, onLoad }: { scenarios: readonly Scenario[]; busy: boolean; onLoad(s: Scenario): void }) {
  return (
    <ul className="ws-cards" aria-label="Patterns">
      {scenarios.map((s) => (
        <li key={s.id} className="ws-card">
          <h3>{s.title}</h3>
          <p>{s.description}</p>
          <div className="ws-card-foot">
            <span className="muted">
              {s.nodes.length} nodes · {s.links.length} links
            </span>
            <button
              type="button"
              className="btn btn-primary btn-small"
              aria-label={`Load ${s.title}`}
              disabled={busy}
              onClick={() => onLoad(s)}
            >
              Load
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function GalleryDialog({ onClose }: { onClose(): void }) {
  const session = useWorkspaceSession()!;
  const store = useWorkbenchStore();
  const ref = useRef<HTMLDialogElement>(null);
  const loaded = useMemo(() => session.scenarios(), [session]);
  const hasNodes = useWorkbench((s) => s.agentOrder.length + (s.plainOrder?.length ?? 0) + Object.keys(s.groups ?? {}).length > 0);
  const busy = useSession((s) => s.phase !== 'ready');
  const [confirming, setConfirming] = useState<Scenario | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const load = (s: Scenario) => {
    onClose();
    session.loadScenario(s).catch((error: unknown) => store.getState().notify('ORR412', APP_ERRORS.ORR412(s.title, errorText(error))));
  };
  const broken = Object.entries(loaded.broken);

  return (
    <dialog
      ref={ref}
      className="ws-dialog ws-gallery"
      aria-labelledby="ws-gallery-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!confirming) onClose();
      }}
    >
      <div className="ws-gallery-head">
        <h2 id="ws-gallery-title">Pattern gallery</h2>
        <button type="button" className="btn btn-ghost" aria-label="Close pattern gallery" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted">
        Prewired, runnable systems of built-in WebAssembly agents. Load one onto the canvas, then press Run: it plays the scenario's
        messages and checks the final report.
      </p>
      <PatternCards scenarios={loaded.scenarios} busy={busy} onLoad={(s) => (hasNodes ? setConfirming(s) : load(s))} />
      {broken.length > 0 && (
        <div role="alert" className="ws-refusal">
          {broken.map(([id, problems]) => (
            <p key={id}>
              {id}: {problems.map(formatProblem).join('; ')}
            </p>
          ))}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Replace the canvas with ${confirming.title}?`}
          body="The nodes and links on the canvas are removed and the pattern's agents are deployed in their place (in the open workspace)."
          confirmLabel="Replace"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const s = confirming;
            setConfirming(null);
            load(s);
          }}
        />
      )}
    </dialog>
  );
}

/** The "Patterns" button and its gallery dialog. */
export function PatternGalleryButton() {
  const session = useWorkspaceSession();
  const [open, setOpen] = useState(false);
  if (!session) return null;
  return (
    <>
      <button type="button" className="btn btn-ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Patterns
      </button>
      {open && <GalleryDialog onClose={() => setOpen(false)} />}
    </>
  );
}

export { ScenarioBar } from './ScenarioBar';
