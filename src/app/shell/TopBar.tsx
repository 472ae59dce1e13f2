import { useActions } from '../actions/ActionsContext';
import { useWorkbench } from '../store/WorkbenchContext';
import { PatternGalleryButton } from '../panels/patterns/PatternGallery';
import { WorkspaceMenu } from '../panels/workspaces/WorkspaceMenu';

function ConnectionIndicator() {
  const connection = useWorkbench((s) => s.connection);
  const text = connection.state === 'ready' ? 'Kernel ready' : connection.state === 'connecting' ? 'Connecting…' : 'Kernel error';
  return (
    <span className={`conn conn-${connection.state}`} role="status" title={connection.state === 'error' ? connection.message : text}>
      <span aria-hidden="true" className="conn-dot" />
      {text}
    </span>
  );
}

export function TopBar() {
  const actions = useActions();
  const theme = useWorkbench((s) => s.theme);
  const agents = useWorkbench((s) => s.agentOrder.length);
  const others = useWorkbench((s) => s.plainOrder.length);
  const links = useWorkbench((s) => Object.keys(s.links).length);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◎
        </span>
        <h1>Orrery</h1>
      </div>
      <WorkspaceMenu />
      <PatternGalleryButton />
      <span className="topbar-stats muted">
        {agents} {agents === 1 ? 'agent' : 'agents'} · {links} {links === 1 ? 'link' : 'links'}
        {others > 0 && ` · ${others} ${others === 1 ? 'topic or client' : 'topics and clients'}`}
      </span>
      <div className="topbar-right">
        <ConnectionIndicator />
        <button
          type="button"
          className="btn btn-ghost"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => void actions.run('help.show', {})}
        >
          <span aria-hidden="true">⌨</span> Shortcuts
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          aria-label="Toggle theme"
          title="Toggle theme (Shift+T)"
          onClick={() => void actions.run('theme.toggle', {})}
        >
          <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> {theme === 'dark' ? 'Dark' : 'Light'}
        </button>
      </div>
    </header>
  );
}
