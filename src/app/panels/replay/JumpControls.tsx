/** Jump to an event number or a message id, or to the next or previous failure. */
import { useState } from 'react';
import type { JumpTarget, PlaybackPosition } from '../../../browser/replay/types';

function JumpForm(props: { label: string; placeholder: string; inputMode?: 'numeric'; onJump(value: string): void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="replay-jump"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) props.onJump(value.trim());
      }}
    >
      <input
        className="lab-input"
        aria-label={props.label}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit" className="btn btn-small" aria-label={`${props.label}: go`}>
        Go
      </button>
    </form>
  );
}

export function JumpControls({ position, onJump }: { position: PlaybackPosition; onJump(target: JumpTarget): void }) {
  return (
    <div className="replay-jumps" role="group" aria-label="Jump">
      <JumpForm
        label="Jump to event"
        placeholder={`${position.first}–${position.last}`}
        inputMode="numeric"
        onJump={(v) => onJump({ to: 'seq', seq: Number(v) })}
      />
      <JumpForm label="Jump to message" placeholder="message id" onJump={(messageId) => onJump({ to: 'message', messageId })} />
      <button type="button" className="btn btn-small" onClick={() => onJump({ to: 'previous-failure' })}>
        Previous failure
      </button>
      <button type="button" className="btn btn-small" onClick={() => onJump({ to: 'next-failure' })}>
        Next failure
      </button>
    </div>
  );
}
