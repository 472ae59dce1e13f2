/**
 * The Load tab: build a load experiment (form or JSON, or one of the ready scenarios), run it
 * in simulated time or against the live workbench, watch it (progress, live charts, threshold
 * verdicts), stop or abort it, read and download the summary, keep baselines.
 */
import { useMemo, useState } from 'react';
import { checkLoadExperiment } from '../../../experiments/load/experiment';
import { useWorkbench } from '../../store/WorkbenchContext';
import { LoadForm } from './LoadForm';
import { LoadJson } from './LoadJson';
import { blankLoadDoc, type LoadDoc } from './loadDoc';
import { LOAD_GALLERY } from './loadGallery';
import { LoadResults } from './LoadResults';
import { SavedLoads } from './SavedLoads';
import { ProblemList } from '../../ui/ProblemList';
import { useLoadLab } from './useLoadLab';
import '../chaos/chaos.css';
import './load.css';
import { EditorViewToggle } from '../../ui/EditorViewToggle';

function Gallery({ onPick }: { onPick(doc: LoadDoc): void }) {
  const [file, setFile] = useState(LOAD_GALLERY[0]?.file ?? '');
  const entry = LOAD_GALLERY.find((g) => g.file === file);
  return (
    <div className="lab-saved" role="group" aria-label="Ready scenarios">
      <select className="lab-input" aria-label="Ready scenario" value={file} onChange={(e) => setFile(e.currentTarget.value)}>
        {LOAD_GALLERY.map((g) => (
          <option key={g.file} value={g.file} title={g.description}>
            {g.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" disabled={!entry} onClick={() => entry && onPick(structuredClone(entry.doc))}>
        Use scenario
      </button>
    </div>
  );
}

/** What the file built with the form would be refused for, listed as you edit (Run refuses it too). */
function FormProblems({ doc }: { doc: LoadDoc }) {
  const checked = useMemo(() => checkLoadExperiment(doc), [doc]);
  if (checked.ok) return null;
  const e = checked.error;
  return <ProblemList refusal={{ summary: e.message.split('\n')[0]!, problems: e.problems }} label="Form problems" quiet />;
}

const agents = (n: number) => `${n} agent${n === 1 ? '' : 's'}`;

export default function LoadPanel() {
  const agentOrder = useWorkbench((s) => s.agentOrder);
  const lab = useLoadLab();
  const [doc, setDoc] = useState<LoadDoc>(() => blankLoadDoc(agentOrder[0] ?? 'echo-1'));
  const [editor, setEditor] = useState<'form' | 'json'>('form');
  const topology = doc['topology'] as { agents?: unknown[] } | undefined;

  return (
    <div className="lab">
      <section className="lab-editor" aria-label="Load experiment editor">
        <div className="lab-toolbar">
          <Gallery onPick={setDoc} />
          <SavedLoads doc={doc} onOpen={setDoc} />
          <EditorViewToggle view={editor} onChange={setEditor} />
        </div>
        <p className="small muted lab-topology">
          {topology
            ? `Deploys its own system: ${agents(topology.agents?.length ?? 0)} (live: those already on the canvas are used as they are).`
            : `Loads the system on the canvas (${agents(agentOrder.length)}).`}
        </p>
        {editor === 'form' ? (
          <>
            <LoadForm doc={doc} agents={agentOrder} onChange={setDoc} />
            <FormProblems doc={doc} />
          </>
        ) : (
          <LoadJson doc={doc} onApply={setDoc} />
        )}
      </section>
      <LoadResults lab={lab} doc={doc} />
    </div>
  );
}
