/**
 * "Import JADE log": a JADE-style message log opened in playback as a recording (its agents on
 * the canvas, its messages in the log and sequence view) and kept in the library; a refused log
 * shows its ORR513 reason and changes nothing.
 */
import { useState } from 'react';
import { errorText } from '../../errors';
import { FileButton } from '../../ui/FileButton';
import { ProblemList, type Refusal } from '../../ui/ProblemList';
import { importJadeFile, skippedNote } from './jadeImport';
import { useReplay } from './PlaybackContext';

export function JadeImport() {
  const { session, services } = useReplay();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [status, setStatus] = useState('');

  const importFile = async (file: File) => {
    setRefusal(null);
    setStatus(`Importing ${file.name}…`);
    // Read, parsed and finished in a worker of its own: a big log does not hold up the page
    const read = await importJadeFile(file, services);
    if (!read.ok) {
      setRefusal(read.refusal);
      return setStatus(`${file.name} was refused: nothing changed.`);
    }
    const { recording } = read;
    const skipped = skippedNote(read.skipped);
    // Kept first, then opened: opening swaps the workbench shown, this tab with it
    const kept = await services
      .openLibrary()
      .then((library) => library.put(recording))
      .then(
        () => '',
        (error: unknown) => ` It could not be kept in the library: ${errorText(error)}`,
      );
    setStatus(`Imported “${recording.header.name}”${skipped}; opening it.${kept}`);
    await session.open(recording);
  };

  return (
    <section className="replay-section" aria-label="JADE message logs">
      <div className="lab-toolbar">
        <h3 className="lab-h">JADE logs</h3>
        <FileButton
          name="Import JADE log"
          className="btn btn-small replay-import"
          accept=".log,.txt,.acl,text/plain"
          onFile={(file) => void importFile(file)}
        >
          Import JADE log…
        </FileButton>
      </div>
      <p className="muted small">
        One ACL message per entry, as JADE logs them; it opens in playback and joins the library. The library's Import recording takes JADE
        logs too.
      </p>
      {refusal && <ProblemList refusal={refusal} label="JADE log problems" />}
      <p role="status" aria-label="JADE import status" className="small muted">
        {status}
      </p>
    </section>
  );
}
