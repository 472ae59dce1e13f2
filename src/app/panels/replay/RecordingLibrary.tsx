/** The library of recordings in this browser: the list, import from a file, and each row's actions. */
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FileButton } from '../../ui/FileButton';
import { ProblemList } from '../../ui/ProblemList';
import { LibraryRow } from './LibraryRow';
import { RECORDING_EXTENSION } from './recordingFile';
import type { LibraryEntry } from './replayServices';
import type { LibraryControls } from './useRecordingLibrary';

function ImportButton({ onFile }: { onFile(file: File): void }) {
  return (
    // A JADE message log is taken here too (sniffed from its content)
    <FileButton
      name="Import recording"
      className="btn btn-small replay-import"
      accept={`${RECORDING_EXTENSION},application/octet-stream,application/gzip,.log,.txt,.acl,text/plain`}
      onFile={onFile}
    >
      Import recording…
    </FileButton>
  );
}

function LibraryTable({
  entries,
  library,
  onOpen,
  onDelete,
}: {
  entries: LibraryEntry[];
  library: LibraryControls;
  onOpen(e: LibraryEntry): void;
  onDelete(e: LibraryEntry): void;
}) {
  if (entries.length === 0) return <p className="muted small">No recordings yet: press Record, or import a file.</p>;
  return (
    <table className="lab-table replay-library" aria-label="Recordings">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Tags</th>
          <th scope="col">Recorded</th>
          <th scope="col">Duration</th>
          <th scope="col">Events</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <LibraryRow key={entry.id} entry={entry} library={library} onOpen={() => onOpen(entry)} onDelete={() => onDelete(entry)} />
        ))}
      </tbody>
    </table>
  );
}

export function RecordingLibrary({ library, onOpen }: { library: LibraryControls; onOpen(entry: LibraryEntry): void }) {
  const [deleting, setDeleting] = useState<LibraryEntry | null>(null);
  return (
    <section className="replay-section" aria-label="Recording library">
      <div className="lab-toolbar">
        <h3 className="lab-h">Library</h3>
        <ImportButton onFile={(file) => void library.importFile(file)} />
      </div>
      {library.refusal && <ProblemList refusal={library.refusal} label="Import problems" />}
      {library.entries === null ? (
        <p className="muted small">Loading…</p>
      ) : (
        <LibraryTable entries={library.entries} library={library} onOpen={onOpen} onDelete={setDeleting} />
      )}
      <p role="status" aria-label="Library status" className="small muted">
        {library.status}
      </p>
      {deleting && (
        <ConfirmDialog
          title={`Delete recording “${deleting.name}”?`}
          body="It is removed from this browser's library. An exported file is not affected."
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            setDeleting(null);
            void library.remove(deleting);
          }}
        />
      )}
    </section>
  );
}
