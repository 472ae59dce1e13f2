/** One recording in the library: what it is, and what can be done with it. */
import { useState } from 'react';
import { formatOffset } from './timelineScale';
import { parseTags } from './recordingFile';
import type { LibraryEntry } from './replayServices';
import type { LibraryControls } from './useRecordingLibrary';

type Editing = 'rename' | 'tags' | null;

function recordedAt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** An inline text edit with Save and Cancel (Enter saves, Escape cancels). */
function InlineEdit(props: { label: string; initial: string; onSave(value: string): void; onCancel(): void }) {
  const [value, setValue] = useState(props.initial);
  return (
    <form
      className="replay-inline"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(value);
      }}
    >
      <input
        className="lab-input"
        aria-label={props.label}
        value={value}
        autoFocus
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      />
      <button type="submit" className="btn btn-small">
        Save
      </button>
      <button type="button" className="btn btn-small" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

interface RowActionProps {
  entry: LibraryEntry;
  library: LibraryControls;
  onOpen(): void;
  onEdit(e: Editing): void;
  onDelete(): void;
}

function RowActions({ entry, onOpen, onEdit, onDelete, library }: RowActionProps) {
  return (
    <td className="replay-actions">
      <button type="button" className="btn btn-small btn-primary" aria-label={`Open ${entry.name}`} onClick={onOpen}>
        Open
      </button>
      <button type="button" className="btn btn-small" aria-label={`Export ${entry.name}`} onClick={() => void library.exportOne(entry)}>
        Export
      </button>
      <button type="button" className="btn btn-small" aria-label={`Rename ${entry.name}`} onClick={() => onEdit('rename')}>
        Rename
      </button>
      <button type="button" className="btn btn-small" aria-label={`Edit tags of ${entry.name}`} onClick={() => onEdit('tags')}>
        Tags
      </button>
      <button type="button" className="btn btn-small btn-danger" aria-label={`Delete ${entry.name}`} onClick={onDelete}>
        Delete
      </button>
    </td>
  );
}

export function LibraryRow(props: { entry: LibraryEntry; library: LibraryControls; onOpen(): void; onDelete(): void }) {
  const { entry, library } = props;
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => setEditing(null);
  return (
    <tr aria-label={entry.name}>
      <th scope="row">
        {editing === 'rename' ? (
          <InlineEdit
            label={`New name for ${entry.name}`}
            initial={entry.name}
            onCancel={done}
            onSave={(name) => (done(), void library.rename(entry, name.trim() || entry.name))}
          />
        ) : (
          entry.name
        )}
        {entry.cutShort && <span className="muted small"> (cut short)</span>}
      </th>
      <td>
        {editing === 'tags' ? (
          <InlineEdit
            label={`Tags for ${entry.name}`}
            initial={entry.tags.join(', ')}
            onCancel={done}
            onSave={(text) => (done(), void library.setTags(entry, parseTags(text)))}
          />
        ) : (
          <span className="replay-tags">{entry.tags.length > 0 ? entry.tags.join(', ') : <span className="muted">—</span>}</span>
        )}
      </td>
      <td>{recordedAt(entry.createdAt)}</td>
      <td className="mono">{formatOffset(entry.counts.durationMs)}</td>
      <td className="mono">{entry.counts.events}</td>
      <RowActions entry={entry} library={library} onOpen={props.onOpen} onEdit={setEditing} onDelete={props.onDelete} />
    </tr>
  );
}
