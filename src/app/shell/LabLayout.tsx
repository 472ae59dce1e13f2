import type { ReactNode } from 'react';
import { Dock } from './Dock';
import { Notices } from './Notices';

/** A lab in a window of its own (`?lab=chaos`): its title and the lab's panel, full page. */
export function LabLayout({ lab, children }: { lab: string; children?: ReactNode }) {
  const title = lab.charAt(0).toUpperCase() + lab.slice(1).replace(/-/g, ' ');
  return (
    <div className="workbench lab-window">
      {children}
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>
          <h1>Orrery · {title} lab</h1>
        </div>
        <p className="muted small">Runs on its own copy of the saved workspace; changes here are not saved.</p>
      </header>
      <Dock alone={lab} />
      <Notices />
    </div>
  );
}
