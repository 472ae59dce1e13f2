import { PERFORMATIVES } from '../../../protocol/performatives';
import { CONSOLE, KERNEL_SENDER } from '../../../protocol/names';
import { shallow } from 'zustand/shallow';
import { useWorkbench, useWorkbenchWith } from '../../store/WorkbenchContext';
import { isFilterEmpty } from './rowModel';
import { EMPTY_FILTER } from './messageViewSlice';

export function LogToolbar({ paused, buffered, onTogglePause }: { paused: boolean; buffered: number; onTogglePause(): void }) {
  const filter = useWorkbench((s) => s.logFilter);
  const setFilter = useWorkbench((s) => s.setLogFilter);
  const deadLetters = useWorkbench((s) => s.deadLetters);
  const agents = useWorkbenchWith((s) => s.agentOrder, shallow);
  const plain = useWorkbenchWith((s) => s.plainOrder, shallow);
  const parties = [CONSOLE, ...agents, ...plain, KERNEL_SENDER];
  if (filter.agent && !parties.includes(filter.agent)) parties.push(filter.agent);

  return (
    <div className="log-toolbar" role="toolbar" aria-label="Log controls">
      <select className="input" aria-label="Filter by agent" value={filter.agent} onChange={(e) => setFilter({ agent: e.target.value })}>
        <option value="">All parties</option>
        {parties.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Filter by performative"
        value={filter.performative}
        onChange={(e) => setFilter({ performative: e.target.value })}
      >
        <option value="">All performatives</option>
        {PERFORMATIVES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <input
        className="input"
        type="search"
        aria-label="Filter by conversation"
        placeholder="Conversation id"
        value={filter.conversation}
        onChange={(e) => setFilter({ conversation: e.target.value.trim() })}
      />
      <input
        className="input log-search"
        type="search"
        aria-label="Search messages"
        placeholder="Search messages"
        value={filter.text}
        onChange={(e) => setFilter({ text: e.target.value })}
      />
      {!isFilterEmpty(filter) && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setFilter(EMPTY_FILTER)}>
          Clear filters
        </button>
      )}
      <div className="log-toolbar-right">
        <span
          className={`dead-letters${deadLetters > 0 ? ' has-dead' : ''}`}
          title="Messages that could not be delivered (dead-letter queue)"
        >
          Dead letters: <span className="mono">{deadLetters.toLocaleString()}</span>
        </span>
        {paused && (
          <span className="log-buffered" role="status">
            {buffered.toLocaleString()} buffered
          </span>
        )}
        <button type="button" className={`btn btn-small${paused ? ' btn-primary' : ''}`} onClick={onTogglePause} aria-pressed={paused}>
          {paused ? 'Resume' : 'Pause'}
        </button>
      </div>
    </div>
  );
}
