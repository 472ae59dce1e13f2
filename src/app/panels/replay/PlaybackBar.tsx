/**
 * Playback mode's bar over the canvas: the banner saying it is a recording (and the way back
 * to the live workbench), the timeline, the transport, jumps, markers and the conversation filter.
 */
import type { ConversationSummary } from '../../../browser/replay/types';
import { ForkButton } from './ForkButton';
import { JumpControls } from './JumpControls';
import { MarkerList } from './MarkerList';
import { usePlayback, useReplay } from './PlaybackContext';
import type { PlaybackControls, PlaybackView } from './playbackSession';
import { Timeline } from './Timeline';
import { Transport } from './Transport';

function ConversationPicker({
  conversations,
  value,
  controls,
}: {
  conversations: readonly ConversationSummary[];
  value: string | undefined;
  controls: PlaybackControls;
}) {
  if (conversations.length === 0) return null;
  return (
    <select
      className="lab-input replay-conversation"
      aria-label="Conversation"
      value={value ?? ''}
      onChange={(e) => void controls.setConversation(e.currentTarget.value || undefined)}
    >
      <option value="">All conversations</option>
      {conversations.map((c) => (
        <option key={c.id} value={c.id}>
          {c.participants.join(' ↔ ')} · {c.messages} message{c.messages === 1 ? '' : 's'} ({c.id})
        </option>
      ))}
    </select>
  );
}

function Banner({ view, onBack }: { view: PlaybackView; onBack(): void }) {
  const { header } = view;
  return (
    <div className="replay-banner">
      <strong>Recording: {header.name}</strong>
      <span className="small">
        {header.clockMode} · {header.counts.events} events · {new Date(header.createdAt).toLocaleString()} · what you see is the past, not
        the live system
      </span>
      <button type="button" className="btn btn-small btn-primary" onClick={onBack}>
        Back to live workbench
      </button>
    </div>
  );
}

export function PlaybackBar() {
  const { session } = useReplay();
  const view = usePlayback((s) => s.view);
  const error = usePlayback((s) => s.error);
  if (!view) return null;
  const { controls } = session;
  const { position } = view;
  return (
    <section className="replay-bar" aria-label="Playback">
      <Banner view={view} onBack={() => void session.close()} />
      <Timeline position={position} markers={view.markers} startT={view.startT} onSeek={(seq) => controls.seek({ to: 'seq', seq })} />
      <div className="replay-bar-row">
        <Transport position={position} controls={controls} />
        <ConversationPicker conversations={view.conversations} value={position.conversation} controls={controls} />
        <JumpControls position={position} onJump={(target) => void controls.seek(target)} />
        <ForkButton view={view} />
      </div>
      <MarkerList
        markers={view.markers}
        startT={view.startT}
        current={position.seq}
        onJump={(seq) => void controls.seek({ to: 'seq', seq })}
      />
      {error && (
        <p role="alert" className="lab-errors small">
          {error}
        </p>
      )}
    </section>
  );
}
